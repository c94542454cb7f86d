namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// Runs one vendor's handlers for a stored entry; the dispatcher picks the processor whose <see cref="Vendor"/> matches
/// the entry's. Registered with <c>TryAddEnumerable</c>, one per vendor that uses the inbox.
/// </summary>
internal interface IWebhookInboxProcessor
{
    /// <summary>Gets the vendor this processor handles (see <see cref="WebhookVendorNames"/>).</summary>
    string Vendor { get; }

    /// <summary>
    /// Parses the entry's body and runs the handlers for it in a fresh scope, with <paramref name="attempt"/> as the
    /// delivery's attempt number. Throwing (anything, including on cancellation) makes the attempt count as failed.
    /// </summary>
    /// <param name="entry">The claimed entry.</param>
    /// <param name="attempt">1 on the first attempt, then 2, 3, ….</param>
    /// <param name="cancellationToken">Cancelled at <c>HandlerTimeout</c>, on shutdown, or when the lease was lost.</param>
    /// <returns>
    /// <see cref="WebhookInboxProcessResult.Completed"/>, or a permanent failure (the body does not parse) that no retry can fix.
    /// </returns>
    Task<WebhookInboxProcessResult> ProcessAsync(WebhookInboxEntry entry, int attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Called once an entry was given up on (its last attempt failed, or it failed permanently), before it is marked
    /// Failed: the vendor's dead-letter handlers run here. If the process dies first, the next dispatcher calls it again.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="error">Why it was given up on.</param>
    /// <param name="cancellationToken">Cancelled at <c>HandlerTimeout</c> or on shutdown.</param>
    /// <returns>A task that completes when the dead-letter handlers have run.</returns>
    Task OnFailedAsync(WebhookInboxEntry entry, string error, CancellationToken cancellationToken);
}
