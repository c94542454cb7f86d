namespace Classet.Boooply.Webhooks;

/// <summary>
/// Handles verified, parsed webhook events of type <typeparamref name="TEvent"/> (or any type derived from it).
/// </summary>
/// <typeparam name="TEvent">
/// The event type handled. A handler for a vendor's base type (<c>ClassetWebhookEvent</c>, <c>BoooplyWebhookEvent</c>)
/// sees every event of that vendor, including unknown ones.
/// </typeparam>
/// <remarks>
/// Hosts resolve handlers once per delivery, inside a service scope created for that delivery, so a handler may depend
/// on scoped services such as an EF Core <c>DbContext</c>. Several handlers may match one event; they run one after
/// another in registration order. If a handler throws, the delivery is answered with a status that makes the vendor
/// retry, so handlers should be idempotent (use <see cref="WebhookDeliveryContext.DeliveryKey"/>).
/// </remarks>
public interface IWebhookHandler<in TEvent>
    where TEvent : class
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The verified, parsed event. It owns all its data and may be kept after the call.</param>
    /// <param name="context">Facts about the delivery that carried the event.</param>
    /// <param name="cancellationToken">
    /// Signalled when the request is aborted or <c>HandlerTimeout</c> passes; honour it, or the handler keeps running in
    /// the background after the delivery was answered. Use it only until the returned task completes: its source may be
    /// reused for a later delivery.
    /// </param>
    /// <returns>A task that completes when the event has been handled.</returns>
    Task HandleAsync(TEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken);
}
