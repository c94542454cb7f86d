using System.Text;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// An authentic delivery that was given up on, as handed to an <see cref="IWebhookDeadLetterHandler"/>: either its body
/// could not be parsed (<see cref="Error"/> is set), or, with the durable inbox, its handlers failed on every one of
/// <c>WebhookInboxOptions.MaxAttempts</c> attempts (<see cref="Error"/> is <see langword="null"/> and
/// <see cref="Attempts"/> says how many ran).
/// </summary>
/// <remarks><see cref="ToString"/> shows the vendor and the reason, never the body.</remarks>
public sealed class WebhookDeadLetter
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="vendor">The vendor that sent the delivery; see <see cref="WebhookVendorNames"/>.</param>
    /// <param name="body">
    /// The body that was signed, owned by this instance (the caller must not reuse the memory). When the delivery verified
    /// through a canonical JSON signature, this is the canonical form that was signed.
    /// </param>
    /// <param name="error">Why the body could not be parsed.</param>
    /// <param name="verificationMethod">How the delivery was authenticated.</param>
    /// <param name="receivedAt">When the delivery was received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vendor"/> or <paramref name="error"/> is <see langword="null"/>.</exception>
    public WebhookDeadLetter(
        string vendor,
        ReadOnlyMemory<byte> body,
        WebhookPayloadException error,
        WebhookVerificationMethod verificationMethod,
        DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(error);
        Vendor = vendor;
        Body = body;
        Error = error;
        Reason = error.Message;
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
    }

    /// <summary>Initializes a new instance for a delivery that parsed but whose handlers failed on every attempt.</summary>
    /// <param name="vendor">The vendor that sent the delivery; see <see cref="WebhookVendorNames"/>.</param>
    /// <param name="body">The signed body, owned by this instance (the caller must not reuse the memory).</param>
    /// <param name="reason">Why the last attempt failed (an exception's type and message, or a timeout).</param>
    /// <param name="attempts">How many attempts ran.</param>
    /// <param name="verificationMethod">How the delivery was authenticated.</param>
    /// <param name="receivedAt">When the delivery was received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vendor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempts"/> is less than 1.</exception>
    public WebhookDeadLetter(
        string vendor,
        ReadOnlyMemory<byte> body,
        string reason,
        int attempts,
        WebhookVerificationMethod verificationMethod,
        DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        Vendor = vendor;
        Body = body;
        Reason = reason;
        Attempts = attempts;
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the vendor that sent the delivery (<see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>).</summary>
    public string Vendor { get; }

    /// <summary>Gets the signed body bytes exactly as verified. The memory belongs to this instance and may be kept.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// Gets why the body could not be parsed (what and where; it quotes no payload values), or <see langword="null"/> when
    /// the body parsed and the handlers failed instead (see <see cref="Reason"/>).
    /// </summary>
    public WebhookPayloadException? Error { get; }

    /// <summary>Gets why the delivery was given up on: the parse error's message, or why the handlers' last attempt failed.</summary>
    public string Reason { get; }

    /// <summary>
    /// Gets how many times the inbox ran the delivery's handlers before giving up; 0 when the body never parsed, so no
    /// handler ran.
    /// </summary>
    public int Attempts { get; }

    /// <summary>Gets how the delivery was authenticated.</summary>
    public WebhookVerificationMethod VerificationMethod { get; }

    /// <summary>Gets when the delivery was received.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Decodes <see cref="Body"/> as UTF-8 (invalid sequences become U+FFFD).</summary>
    /// <returns>The body as text.</returns>
    public string GetBodyAsString() => Encoding.UTF8.GetString(Body.Span);

    /// <inheritdoc />
    public override string ToString() => $"WebhookDeadLetter {{ Vendor = {Vendor}, Body = {Body.Length} bytes, Attempts = {Attempts}, Reason = {Reason} }}";
}
