namespace Classet.Boooply.Webhooks;

/// <summary>
/// The durable webhook inbox, for operators and tools: how many entries are in which state, what they are, and replaying
/// entries that failed. Resolve it from DI after <c>services.AddWebhookInbox(...)</c>.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Counts the entries in each state.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    Task<WebhookInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists entries in one state, in the order they were stored, one page at a time.</summary>
    /// <param name="state">The state to list.</param>
    /// <param name="limit">The page size; between 1 and 1000.</param>
    /// <param name="afterId">
    /// <see langword="null"/> for the first page; for the next, the <see cref="WebhookInboxEntry.Id"/> of the last entry of
    /// the previous page.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; shorter than <paramref name="limit"/> (possibly empty) on the last one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000, or <paramref name="state"/> is not a defined state.</exception>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState state, int limit = 100, long? afterId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one entry by id.</summary>
    /// <param name="entryId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/> if there is none with that id (it may have been purged).</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    Task<WebhookInboxEntry?> GetAsync(long entryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a <see cref="WebhookInboxState.Failed"/> entry back to <see cref="WebhookInboxState.Pending"/> with a fresh set of
    /// <c>MaxAttempts</c> attempts, due now, and wakes the dispatcher. Use it after fixing what made the handlers fail, or
    /// after upgrading to a version that parses a dead letter's body. Handlers then see <see cref="WebhookDeliveryContext"/>
    /// attempts counted from 1 again.
    /// </summary>
    /// <param name="entryId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if it was replayed; <see langword="false"/> if there is no such entry or it is not failed.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    Task<bool> ReplayAsync(long entryId, CancellationToken cancellationToken = default);
}
