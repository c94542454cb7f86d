using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// The dead-letter hook: it gets every delivery that verified but did not parse (answered 400), and every delivery whose
/// handlers failed on all of the inbox's attempts, with an owned copy of the body. The inbox keeps both as Failed entries
/// that an operator can replay (<c>IWebhookInbox.ReplayAsync</c>, or <c>classet-boooply-webhooks inbox replay</c>); a real
/// app would alert someone here.
/// </summary>
/// <param name="log">Where the demo reads what the hook saw.</param>
/// <param name="logger">The logger.</param>
public sealed class DeadLetterRecorder(ReceivedWebhookLog log, ILogger<DeadLetterRecorder> logger) : IWebhookDeadLetterHandler
{
    /// <inheritdoc />
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        // The reason says what and where (a JSON path), never payload values; the body itself is not logged.
        ReceiverLog.DeadLetter(logger, deadLetter.Vendor, deadLetter.Body.Length, deadLetter.Reason);
        log.Add(new ReceivedWebhook(
            deadLetter.Vendor,
            deadLetter.Error is null ? "(handlers failed)" : "(unparseable)",
            ReceivedWebhookKind.DeadLettered,
            deadLetter.Error is null
                ? $"dead letter after {deadLetter.Attempts} attempts: {deadLetter.Reason}"
                : $"dead letter: {deadLetter.Body.Length} bytes kept, {deadLetter.Reason}",
            string.Empty,
            deadLetter.Attempts));
        return Task.CompletedTask;
    }
}
