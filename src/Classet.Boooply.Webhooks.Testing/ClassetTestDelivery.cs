using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// A Classet delivery for tests: the body and <c>x-classet-webhook-signature</c> (base64url HMAC-SHA256 of the body,
/// without padding), or the legacy <c>x-classet-key</c> with <see cref="WithLegacyApiKey"/>. The <c>With…</c> methods
/// return a changed copy for the cases a receiver must handle.
/// </summary>
public sealed class ClassetTestDelivery : WebhookTestDelivery
{
    private const string WrongSecret = "not-the-configured-secret";

    private readonly TestDeliverySettings _settings;
    private readonly string? _apiKey;

    internal ClassetTestDelivery(TestDeliverySettings settings, string? apiKey = null)
        : base(WebhookVendorNames.Classet, settings.SentBody(), BuildHeaders(settings, apiKey))
    {
        _settings = settings;
        _apiKey = apiKey;
    }

    /// <summary>Returns a forged copy, signed with a secret that is not the configured one. A receiver answers 401.</summary>
    /// <returns>A new delivery.</returns>
    public ClassetTestDelivery WithWrongSecret() => new(_settings with { SignWithWrongSecret = true }, _apiKey);

    /// <summary>Returns a copy without <c>x-classet-webhook-signature</c>. A receiver with signing secrets answers 401.</summary>
    /// <returns>A new delivery.</returns>
    public ClassetTestDelivery WithoutSignature() => new(_settings with { Unsigned = true }, _apiKey);

    /// <summary>
    /// Returns a copy in Classet's legacy scheme, sent when no signature secret is configured at Classet: no signature,
    /// the organization API key in <c>x-classet-key</c>. A receiver with signing secrets answers 401 unless it sets
    /// <c>AllowApiKeyFallback</c> (the downgrade rule).
    /// </summary>
    /// <param name="apiKey">The organization API key.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null or empty.</exception>
    public ClassetTestDelivery WithLegacyApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        return new(_settings with { Unsigned = true }, apiKey);
    }

    /// <summary>
    /// Returns a copy whose body was pretty-printed after Classet signed it (<c>JSON.stringify(obj, null, 2)</c>), as a
    /// proxy, a logging middleware or a test tool might. The signature still covers the compact body, so a receiver
    /// answers 401 unless it allows canonical JSON signatures.
    /// </summary>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The body is not JSON, so it cannot be re-serialized.</exception>
    public ClassetTestDelivery PrettyPrinted() => new(_settings.Reformatted(TestBodyFormat.Indented), _apiKey);

    /// <summary>
    /// Returns a copy whose body was re-serialized by Python after Classet signed it:
    /// <c>json.dumps(obj, separators=(',', ':'))</c>, which escapes every non-ASCII character and spells floats its own
    /// way. The signature still covers Classet's compact body. Without non-ASCII text or floats the two forms are the
    /// same bytes, so put some in to see a receiver without canonical JSON signatures answer 401.
    /// </summary>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The body is not JSON, so it cannot be re-serialized.</exception>
    public ClassetTestDelivery ReserializedByPython() => new(_settings.Reformatted(TestBodyFormat.Python), _apiKey);

    /// <summary>Returns a copy with a header set (replacing Classet's own of that name) or, when <paramref name="value"/> is <see langword="null"/>, removed.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove the header.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public ClassetTestDelivery WithHeader(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(_settings.WithHeader(name, value), _apiKey);
    }

    private static List<KeyValuePair<string, string>> BuildHeaders(TestDeliverySettings settings, string? apiKey)
    {
        var headers = new List<KeyValuePair<string, string>>(2);
        if (!settings.Unsigned)
        {
            headers.Add(new(ClassetWebhookHeaders.Signature, ClassetWebhookSigner.Sign(settings.SignedBody, settings.EffectiveSecret(WrongSecret))));
        }

        if (apiKey is not null)
        {
            headers.Add(new(ClassetWebhookHeaders.ApiKey, apiKey));
        }

        return settings.ApplyHeaderChanges(headers);
    }
}
