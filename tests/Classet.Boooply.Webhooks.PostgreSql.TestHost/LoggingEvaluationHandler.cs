using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.PostgreSql.TestHost;

/// <summary>
/// The receiver's handler: logs its start and end (with the delivery key and attempt) around a fixed delay, or around
/// <see cref="SlowHandlerTime"/> for a delivery whose key starts with <c>slow-</c> (so a test can kill an instance while
/// such a handler surely runs).
/// </summary>
public sealed class LoggingEvaluationHandler(HandlerLog log) : IWebhookHandler<BoooplyEvaluationEvent>
{
    public static readonly TimeSpan SlowHandlerTime = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(BoooplyEvaluationEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        log.Write("start", context.DeliveryKey, context.Attempt);
        var time = context.DeliveryKey.StartsWith("slow-", StringComparison.Ordinal) ? SlowHandlerTime : log.HandlerTime;
        if (time > TimeSpan.Zero)
        {
            // Not cancelled by the token: a handler that is killed must be killed mid-way, not stop early.
            await Task.Delay(time, CancellationToken.None);
        }

        log.Write("done", context.DeliveryKey, context.Attempt);
    }
}
