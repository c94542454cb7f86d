namespace Classet.Boooply.Webhooks;

/// <summary>
/// The outcome of checking a webhook delivery's signature or credential.
/// </summary>
public enum WebhookVerificationStatus
{
    /// <summary>The delivery was signed (or authenticated) with one of the configured secrets.</summary>
    Verified = 0,

    /// <summary>The signature or credential header was absent, empty or only white space.</summary>
    MissingSignature = 1,

    /// <summary>The header was present but is not a well-formed value for this vendor (wrong alphabet, length or scheme).</summary>
    MalformedSignature = 2,

    /// <summary>The header was well formed, but no configured secret produces it for this body.</summary>
    SignatureMismatch = 3,
}
