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
    /// <param name="services">The service provider of the scope the handlers run in.</param>
    /// <param name="headers">
    /// The vendor headers sent with the delivery (see <see cref="Headers"/>); <see langword="null"/> for none. The
    /// instance is used as given, so pass a dictionary with a case-insensitive comparer to look names up as HTTP does.
    /// </param>
    /// <param name="attempt">Which run of the delivery's handlers this is, from 1; see <see cref="Attempt"/>.</param>
    /// <exception cref="ArgumentNullException">A string argument or <paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1.</exception>
    public WebhookDeliveryContext(
        string vendor,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod verificationMethod,
        DateTimeOffset receivedAt,
        IServiceProvider services,
        IReadOnlyDictionary<string, string>? headers = null,
        int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(deliveryKey);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        Vendor = vendor;
        EventType = eventType;
        DeliveryKey = deliveryKey;
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
        Services = services;
        Headers = headers ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        Attempt = attempt;
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

    /// <summary>Gets the service provider of the scope created for this run of the delivery's handlers.</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// Gets which run of this delivery's handlers this is: 1 the first time. Handlers that run inside the request
    /// always see 1 (a vendor's retry is a new delivery to the receiver); a background dispatcher that retries a stored
    /// delivery counts 2, 3, … .
    /// </summary>
    public int Attempt { get; }

    /// <summary>
    /// Gets the vendor headers that were sent with the delivery, by name (looked up case-insensitively when the
    /// receiver built the context): for Boooply <c>X-Boooply-Event</c>, <c>X-Boooply-Platform</c>,
    /// <c>X-Boooply-Meeting-Id</c> and <c>X-Boooply-Signature</c>; for Classet <c>x-classet-webhook-signature</c>. A header
    /// that was not sent is absent. Headers that carry a secret (<c>Authorization</c>, <c>x-classet-key</c>) are never
    /// included.
    /// </summary>
    /// <remarks>
    /// These headers are <b>not signed</b>: anyone can set them. Trust the parsed event for anything that matters (the
    /// body's <c>event</c> and <c>data.meetingCode</c> win over <c>X-Boooply-Event</c> and <c>X-Boooply-Meeting-Id</c>),
    /// and use the headers for routing hints and diagnostics only.
    /// </remarks>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
