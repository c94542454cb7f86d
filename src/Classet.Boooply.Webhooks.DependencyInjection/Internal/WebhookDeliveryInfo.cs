namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>What the handlers of one delivery are told about it (see <see cref="WebhookDeliveryContext"/>), besides the event.</summary>
internal readonly record struct WebhookDeliveryInfo(
    string Vendor,
    string EventType,
    string DeliveryKey,
    WebhookVerificationMethod VerificationMethod,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers);
