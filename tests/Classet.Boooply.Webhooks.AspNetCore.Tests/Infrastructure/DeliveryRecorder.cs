using System.Collections.Concurrent;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

internal sealed record RecordedDelivery(string Handler, object Event, WebhookDeliveryContext Context);

/// <summary>What the handlers saw, in order.</summary>
internal sealed class DeliveryRecorder
{
    private readonly ConcurrentQueue<RecordedDelivery> _deliveries = new();
    private readonly ConcurrentQueue<WebhookDeadLetter> _deadLetters = new();

    public IReadOnlyList<RecordedDelivery> Deliveries => [.. _deliveries];

    public IReadOnlyList<WebhookDeadLetter> DeadLetters => [.. _deadLetters];

    public void Record(string handler, object webhookEvent, WebhookDeliveryContext context) => _deliveries.Enqueue(new(handler, webhookEvent, context));

    public void Record(WebhookDeadLetter deadLetter) => _deadLetters.Enqueue(deadLetter);
}
