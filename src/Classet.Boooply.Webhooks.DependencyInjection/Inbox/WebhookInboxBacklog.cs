namespace Classet.Boooply.Webhooks;

/// <summary>The pending entries of one vendor and event type: how many, and when the oldest was received.</summary>
/// <param name="Vendor">The vendor (see <see cref="WebhookVendorNames"/>).</param>
/// <param name="EventType">The event type as the vendor named it; empty when the payload carried none.</param>
/// <param name="Pending">The number of entries in <see cref="WebhookInboxState.Pending"/> (waiting for a first attempt or a retry).</param>
/// <param name="OldestReceivedAt">When the oldest of them was received.</param>
public readonly record struct WebhookInboxBacklog(string Vendor, string EventType, long Pending, DateTimeOffset OldestReceivedAt);
