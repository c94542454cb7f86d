using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Creates the <see cref="WebhookDeliveryContext"/> the endpoint would hand a handler, so a typed handler can be called
/// directly, without a host:
/// <c>await handler.HandleAsync(evaluation, WebhookTestContexts.For(evaluation), CancellationToken.None)</c>.
/// </summary>
/// <remarks>
/// The vendor and event type come from the event. The delivery key is the one the endpoint computes for the delivery
/// <see cref="ClassetTestDeliveries"/> and <see cref="BoooplyTestDeliveries"/> send of it: for Boooply the idempotency key
/// <c>"{meetingCode}:{event}"</c> (or <c>"sha256:"</c> and the body's hash when there is no meeting code), for Classet
/// the lowercase hex SHA-256 of the compact body.
/// </remarks>
public static class WebhookTestContexts
{
    /// <summary>Creates the context of a Classet delivery of <paramref name="webhookEvent"/>.</summary>
    /// <param name="webhookEvent">The event the handler is called with.</param>
    /// <param name="options">Services, receive time, verification method or key; <see langword="null"/> for the defaults.</param>
    /// <returns>A new context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is <see langword="null"/>.</exception>
    public static WebhookDeliveryContext For(ClassetWebhookEvent webhookEvent, WebhookTestContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        options ??= new WebhookTestContextOptions();
        var key = options.DeliveryKey ?? HashBody(EventBodies.Classet(webhookEvent));
        return Create(WebhookVendorNames.Classet, webhookEvent.EventType, key, options);
    }

    /// <summary>Creates the context of a Boooply delivery of <paramref name="webhookEvent"/>.</summary>
    /// <param name="webhookEvent">The event the handler is called with.</param>
    /// <param name="options">Services, receive time, verification method or key; <see langword="null"/> for the defaults.</param>
    /// <returns>A new context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is <see langword="null"/>.</exception>
    public static WebhookDeliveryContext For(BoooplyWebhookEvent webhookEvent, WebhookTestContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        options ??= new WebhookTestContextOptions();
        var key = options.DeliveryKey
            ?? (string.IsNullOrEmpty(webhookEvent.MeetingCode) ? "sha256:" + HashBody(EventBodies.Boooply(webhookEvent)) : webhookEvent.IdempotencyKey);
        return Create(WebhookVendorNames.Boooply, webhookEvent.EventType, key, options);
    }

    // The one place a context is constructed, so a change to WebhookDeliveryContext's constructor is made here only.
    private static WebhookDeliveryContext Create(string vendor, string eventType, string deliveryKey, WebhookTestContextOptions options) =>
        new(
            vendor,
            eventType,
            deliveryKey,
            options.VerificationMethod,
            options.ReceivedAt ?? (options.TimeProvider ?? TimeProvider.System).GetUtcNow(),
            options.Services ?? EmptyServiceProvider.Instance,
            attempt: options.Attempt);

    private static string HashBody(byte[] body) => Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();
}
