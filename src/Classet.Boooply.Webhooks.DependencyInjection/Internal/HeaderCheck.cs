namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>What a vendor can decide from the headers alone, before the body is read.</summary>
internal readonly struct HeaderCheck
{
    private HeaderCheck(HeaderCheckKind kind, WebhookVerificationResult result, string? reason)
    {
        Kind = kind;
        Result = result;
        Reason = reason;
    }

    public static HeaderCheck Continue => new(HeaderCheckKind.VerifyBody, default, null);

    public HeaderCheckKind Kind { get; }

    /// <summary>The verification result when <see cref="Kind"/> is <see cref="HeaderCheckKind.Accepted"/>.</summary>
    public WebhookVerificationResult Result { get; }

    /// <summary>Why the request was rejected, for the log only (a fixed phrase: never a header value).</summary>
    public string? Reason { get; }

    public static HeaderCheck Accept(WebhookVerificationResult result) => new(HeaderCheckKind.Accepted, result, null);

    public static HeaderCheck Reject(string reason) => new(HeaderCheckKind.Rejected, WebhookVerificationResult.Missing, reason);
}

/// <summary>The kinds of <see cref="HeaderCheck"/>.</summary>
internal enum HeaderCheckKind
{
    /// <summary>The body's signature decides.</summary>
    VerifyBody,

    /// <summary>Authenticated from the headers (legacy API key); the body needs no signature check.</summary>
    Accepted,

    /// <summary>Rejected (401) without reading the body.</summary>
    Rejected,
}
