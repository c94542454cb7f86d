namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>A verified delivery on its way to an <see cref="IWebhookDeliveryStore"/>.</summary>
internal sealed class VerifiedWebhookDelivery
{
    public VerifiedWebhookDelivery(
        string vendor,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod verificationMethod,
        DateTimeOffset receivedAt,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlyMemory<byte> body,
        WebhookPayloadException? parseError)
    {
        Vendor = vendor;
        EventType = eventType;
        DeliveryKey = deliveryKey;
        VerificationMethod = verificationMethod;
        ReceivedAt = receivedAt;
        Headers = headers;
        Body = body;
        ParseError = parseError;
    }

    public string Vendor { get; }

    /// <summary>The event type; empty for a dead letter.</summary>
    public string EventType { get; }

    /// <summary>The delivery key; for a dead letter <c>sha256:</c> and the hash of the signed body.</summary>
    public string DeliveryKey { get; }

    public WebhookVerificationMethod VerificationMethod { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The vendor headers handlers may see (already copied out of the request).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The signed body (the canonical form when only that verified). Borrowed: valid only during the store call.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Why the body did not parse, for a dead letter; otherwise <see langword="null"/>.</summary>
    public WebhookPayloadException? ParseError { get; }
}
