using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// The dead-letter hook: it gets every delivery that verified but did not parse (answered 400), with an owned copy of the
/// body. A real app would store the body (a table, a queue, blob storage) to replay it once the payload or parser is fixed.
/// </summary>
/// <param name="log">Where the demo reads what the hook saw.</param>
/// <param name="logger">The logger.</param>
public sealed class DeadLetterRecorder(ReceivedWebhookLog log, ILogger<DeadLetterRecorder> logger) : IWebhookDeadLetterHandler
{
    /// <inheritdoc />
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        // The error says what and where (a JSON path), never payload values; the body itself is not logged.
        ReceiverLog.DeadLetter(logger, deadLetter.Vendor, deadLetter.Body.Length, deadLetter.Error.Message);
        log.Add(new ReceivedWebhook(
            deadLetter.Vendor,
            "(unparseable)",
            ReceivedWebhookKind.DeadLettered,
            $"dead letter: {deadLetter.Body.Length} bytes kept, {deadLetter.Error.Message}",
            string.Empty));
        return Task.CompletedTask;
    }
}
