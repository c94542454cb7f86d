namespace Classet.Boooply.Webhooks;

/// <summary>
/// A verified delivery handed to <see cref="IWebhookInboxStore.EnqueueAsync"/>: what the inbox stores so that the handlers
/// can run later, in another process if need be.
/// </summary>
/// <remarks><see cref="ToString"/> shows the vendor, event type and body size, never the body or header values.</remarks>
public sealed record WebhookInboxDelivery
{
    /// <summary>Gets the vendor that sent the delivery (see <see cref="WebhookVendorNames"/>).</summary>
    public required string Vendor { get; init; }

    /// <summary>
    /// Gets the delivery's idempotency key (see <see cref="WebhookDeliveryContext.DeliveryKey"/>). Together with
    /// <see cref="Vendor"/> it is unique in the store: a second delivery with the same key is not stored again.
    /// </summary>
    public required string DeliveryKey { get; init; }

    /// <summary>Gets the event type as the vendor named it; empty when the payload carries none or did not parse.</summary>
    public string EventType { get; init; } = string.Empty;

    /// <summary>
    /// Gets the body that verified (the canonical form when only that matched), exactly as signed. The store copies it
    /// before <see cref="IWebhookInboxStore.EnqueueAsync"/> completes, so the caller may reuse the memory afterwards.
    /// </summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// Gets vendor headers kept for the handlers (informational ones that the signature does not cover, such as Boooply's
    /// <c>X-Boooply-Event</c>). Never credentials: no signature, <c>Authorization</c> or API-key header belongs here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = WebhookInboxEntry.NoHeaders;

    /// <summary>Gets how the delivery was authenticated.</summary>
    public WebhookVerificationMethod VerificationMethod { get; init; }

    /// <summary>Gets when the delivery was received, from the host's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// Gets why an authentic body could not be parsed, or <see langword="null"/> for a delivery that parsed. A delivery with a
    /// parse error is a dead letter: it is stored directly as <see cref="WebhookInboxState.Failed"/> with this error, so
    /// nothing authentic is lost and an operator can replay it after a fix.
    /// </summary>
    public string? ParseError { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"WebhookInboxDelivery {{ Vendor = {Vendor}, EventType = {EventType}, Body = {Body.Length} bytes, DeadLetter = {ParseError is not null} }}";
}
