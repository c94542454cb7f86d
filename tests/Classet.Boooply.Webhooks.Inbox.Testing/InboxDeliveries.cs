using System.Text;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>Deliveries as the endpoint would hand them to the store.</summary>
public static class InboxDeliveries
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static WebhookInboxDelivery Create(
        string key,
        string vendor = WebhookVendorNames.Boooply,
        string eventType = "interview.evaluation",
        string? body = null,
        DateTimeOffset? receivedAt = null,
        string? parseError = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        new()
        {
            Vendor = vendor,
            DeliveryKey = key,
            EventType = eventType,
            Body = Encoding.UTF8.GetBytes(body ?? $"{{\"event\":\"{eventType}\",\"key\":\"{key}\"}}"),
            Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            VerificationMethod = WebhookVerificationMethod.RawBody,
            ReceivedAt = receivedAt ?? Start,
            ParseError = parseError,
        };

    public static string BodyOf(WebhookInboxEntry entry) => Encoding.UTF8.GetString(entry.Body.Span);
}
