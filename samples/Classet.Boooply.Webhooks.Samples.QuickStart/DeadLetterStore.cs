namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>Keeps authentic deliveries that did not parse, to replay them later.</summary>
public sealed class DeadLetterStore : IWebhookDeadLetterHandler
{
    /// <inheritdoc />
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        // A real store writes deadLetter.Body (the exact signed bytes) to a table, a queue or blob storage.
        return Task.CompletedTask;
    }
}
