namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>One delivery as the receiver's handlers saw it.</summary>
/// <param name="Vendor">The vendor (<c>classet</c> or <c>boooply</c>).</param>
/// <param name="EventType">The event type as the vendor named it.</param>
/// <param name="Kind">Which handler saw it.</param>
/// <param name="Summary">A one-line summary of what the handler saw.</param>
/// <param name="DeliveryKey">The idempotency key of the delivery (empty for dead letters).</param>
/// <param name="Attempt">Which run of the delivery's handlers this was (the inbox retries a failed one); 0 for dead letters.</param>
public sealed record ReceivedWebhook(string Vendor, string EventType, ReceivedWebhookKind Kind, string Summary, string DeliveryKey, int Attempt = 1);
