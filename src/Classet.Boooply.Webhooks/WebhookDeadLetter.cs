using System.Text;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// An authentic delivery that could not be parsed, as handed to an <see cref="IWebhookDeadLetterHandler"/>.
/// </summary>
/// <remarks><see cref="ToString"/> shows the vendor and the error, never the body.</remarks>
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
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the vendor that sent the delivery (<see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>).</summary>
    public string Vendor { get; }

    /// <summary>Gets the signed body bytes exactly as verified. The memory belongs to this instance and may be kept.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets why the body could not be parsed (what and where; it quotes no payload values).</summary>
    public WebhookPayloadException Error { get; }

    /// <summary>Gets how the delivery was authenticated.</summary>
    public WebhookVerificationMethod VerificationMethod { get; }

    /// <summary>Gets when the delivery was received.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Decodes <see cref="Body"/> as UTF-8 (invalid sequences become U+FFFD).</summary>
    /// <returns>The body as text.</returns>
    public string GetBodyAsString() => Encoding.UTF8.GetString(Body.Span);

    /// <inheritdoc />
    public override string ToString() => $"WebhookDeadLetter {{ Vendor = {Vendor}, Body = {Body.Length} bytes, Error = {Error.Message} }}";
}
