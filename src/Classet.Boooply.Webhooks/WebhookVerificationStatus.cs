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

    /// <summary>
    /// The header was well formed and the raw body did not match, but the opt-in canonical-JSON check
    /// (<c>AllowCanonicalJsonSignatures</c>) that might have matched was not run: the process already runs as many of
    /// those checks as it allows at once (one per core, at least 4 and at most 16), so that forged requests cannot make
    /// it hold an unbounded number of body-sized buffers. The delivery was neither verified nor found forged; the sender
    /// should retry later. The ASP.NET Core endpoint answers 503 Service Unavailable.
    /// </summary>
    CanonicalVerificationThrottled = 4,
}
