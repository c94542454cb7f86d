using System.Globalization;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>Typed handler for Classet events.</summary>
/// <param name="log">Where the demo reads what the handler saw.</param>
/// <param name="logger">The logger.</param>
public sealed class ClassetInterviewHandler(ReceivedWebhookLog log, ILogger<ClassetInterviewHandler> logger) :
    IWebhookHandler<ClassetWebhookEvent>
{
    /// <inheritdoc />
    public Task HandleAsync(ClassetWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentNullException.ThrowIfNull(context);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{webhookEvent.GetType().Name}");
        ReceiverLog.EventHandled(logger, context.Vendor, webhookEvent.EventType, summary, context.DeliveryKey);
        log.Add(new ReceivedWebhook(context.Vendor, webhookEvent.EventType, ReceivedWebhookKind.Handled, summary, context.DeliveryKey));
        return Task.CompletedTask;
    }
}
