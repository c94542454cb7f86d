using System.Diagnostics.CodeAnalysis;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// What differs between vendors in the delivery pipeline: which headers authenticate, how the body is verified and
/// parsed, what identifies a delivery, and which headers handlers may see. One stateless instance per vendor.
/// </summary>
internal abstract class WebhookVendor<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier>
    where TEvent : class
    where TOptions : WebhookOptions
    where TVerifier : class
{
    /// <summary>The vendor name (<see cref="WebhookVendorNames"/>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The vendor headers handlers may see (<see cref="WebhookDeliveryContext.Headers"/>): the documented ones that carry
    /// no secret.
    /// </summary>
    public abstract string[] ExposedHeaders { get; }

    /// <summary>Decides from the headers alone, when it can (a missing signature, a legacy API key, a bearer token).</summary>
    public abstract HeaderCheck CheckHeaders(in WebhookRequestHeaders headers, TVerifier verifier, TOptions options);

    /// <summary>Verifies the body bytes exactly as received against the signature header.</summary>
    public abstract WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, in WebhookRequestHeaders headers, TVerifier verifier);

    public abstract bool TryParse(ReadOnlySpan<byte> signedBody, [NotNullWhen(true)] out TEvent? webhookEvent, [NotNullWhen(false)] out WebhookPayloadException? error);

    public abstract string GetEventType(TEvent webhookEvent);

    public abstract bool IsUnknown(TEvent webhookEvent);

    /// <summary>
    /// The deduplication key. <paramref name="signedBody"/> is the form that verified: a body key must come from it,
    /// not from the bytes received, or re-spacing a captured delivery would make it look new.
    /// </summary>
    public abstract string GetDeliveryKey(TEvent webhookEvent, ReadOnlySpan<byte> signedBody);

    /// <summary>Rejects (401) a verified event its content says not to trust, such as one outside a replay window.</summary>
    public virtual bool IsStale(TEvent webhookEvent, TOptions options, DateTimeOffset now, out string reason, out TimeSpan window)
    {
        reason = string.Empty;
        window = default;
        return false;
    }
}
