namespace Classet.Boooply.Webhooks;

/// <summary>
/// How a delivery was authenticated. Useful in logs and metrics, for example to see how many
/// deliveries still rely on a legacy credential or on canonical-JSON signatures.
/// </summary>
public enum WebhookVerificationMethod
{
    /// <summary>Nothing verified the delivery.</summary>
    None = 0,

    /// <summary>The HMAC over the raw body bytes matched. This is the normal case.</summary>
    RawBody = 1,

    /// <summary>
    /// The HMAC over the body re-serialized exactly as JavaScript's <c>JSON.stringify(JSON.parse(body))</c>
    /// matched (only with <c>AllowCanonicalJsonSignatures</c>).
    /// </summary>
    CanonicalJavaScript = 2,

    /// <summary>
    /// The HMAC over the body re-serialized exactly as Python's <c>json.dumps(obj, separators=(',', ':'))</c>
    /// matched (Boooply only, and only with <c>AllowCanonicalJsonSignatures</c>).
    /// </summary>
    CanonicalPython = 3,

    /// <summary>The legacy Classet API key in <c>x-classet-key</c> matched.</summary>
    ApiKey = 4,

    /// <summary>The Boooply <c>Authorization: Bearer</c> token matched.</summary>
    BearerToken = 5,
}
