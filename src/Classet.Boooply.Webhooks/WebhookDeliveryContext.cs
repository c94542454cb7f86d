namespace Classet.Boooply.Webhooks;

/// <summary>
/// Facts about one verified delivery, handed to every <see cref="IWebhookHandler{TEvent}"/> that handles its event.
/// </summary>
public sealed class WebhookDeliveryContext
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="vendor">The vendor that sent the delivery; see <see cref="WebhookVendorNames"/>.</param>
    /// <param name="eventType">The event type as the vendor named it (may be empty for a payload without one).</param>
    /// <param name="deliveryKey">The idempotency key of the delivery; see <see cref="DeliveryKey"/>.</param>
    /// <param name="verificationMethod">How the delivery was authenticated.</param>
    /// <param name="receivedAt">When the delivery was received.</param>
    /// <param name="services">The service provider of the delivery's scope.</param>
    /// <exception cref="ArgumentNullException">A string argument or <paramref name="services"/> is <see langword="null"/>.</exception>
    public WebhookDeliveryContext(
        string vendor,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod verificationMethod,
        DateTimeOffset receivedAt,
        IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(deliveryKey);
        ArgumentNullException.ThrowIfNull(services);
        Vendor = vendor;
        EventType = eventType;
        DeliveryKey = deliveryKey;
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
        Services = services;
    }

    /// <summary>Gets the vendor that sent the delivery (<see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>).</summary>
    public string Vendor { get; }

    /// <summary>Gets the event type as the vendor named it; empty when the payload carries none.</summary>
    public string EventType { get; }

    /// <summary>
    /// Gets the key that identifies this delivery across the vendor's retries: for Boooply its idempotency key
    /// (<c>"{meetingCode}:{event}"</c>, or <c>"sha256:"</c> and the body's hash when the payload has no meeting code);
    /// for Classet, which sends no id, the lowercase hex SHA-256 of the body. A body hash is taken over the bytes that
    /// verified (the canonical form when only that matched), so a re-spaced copy of a delivery gets the same key.
    /// Store it with the effects of handling to make handlers idempotent.
    /// </summary>
    public string DeliveryKey { get; }

    /// <summary>Gets how the delivery was authenticated (raw-body signature, canonical JSON signature, or legacy API key).</summary>
    public WebhookVerificationMethod VerificationMethod { get; }

    /// <summary>Gets when the delivery was received, from the host's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the service provider of the scope created for this delivery.</summary>
    public IServiceProvider Services { get; }
}
