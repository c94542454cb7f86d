namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The seam where a durable inbox replaces inline dispatch. When a vendor has one
/// (<see cref="WebhookDeliveryStoreRegistration{TBase}"/>), every verified delivery, parsed or dead-lettered, is handed
/// to <see cref="StoreAsync"/> instead of to the handlers, and the receiver answers from what the store says:
/// <list type="bullet">
/// <item>parsed and <see cref="WebhookStoreResult.Stored"/>: 200 (<c>stored</c>);</item>
/// <item>parsed and <see cref="WebhookStoreResult.AlreadyStored"/>: 200 (<c>duplicate</c>);</item>
/// <item>dead letter (<see cref="VerifiedWebhookDelivery.ParseError"/> set) and stored: 400, since the vendor must not
/// resend a body that will never parse, and it is kept (the store runs the dead-letter handlers, for example through
/// <see cref="WebhookDispatcher{TEvent}.DeadLetterAsync"/>);</item>
/// <item>the store throws: 503 (<c>store_unavailable</c>), so the vendor retries; nothing was acknowledged.</item>
/// </list>
/// A background dispatcher later parses the stored body (the vendor serializer) and runs the handlers through
/// <see cref="WebhookDispatcher{TEvent}.DispatchAsync"/> with the attempt number.
/// </summary>
internal interface IWebhookDeliveryStore
{
    /// <summary>Stores a verified delivery durably; completes only once the store has committed.</summary>
    /// <param name="delivery">The delivery. Its <see cref="VerifiedWebhookDelivery.Body"/> is only valid during the call.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>Whether it was stored now or was already known (pending, processing, or completed and retained).</returns>
    /// <exception cref="Exception">Any exception means "not stored": the receiver answers 503.</exception>
    ValueTask<WebhookStoreResult> StoreAsync(VerifiedWebhookDelivery delivery, CancellationToken cancellationToken);
}
