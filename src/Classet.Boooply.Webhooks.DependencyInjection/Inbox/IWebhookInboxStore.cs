namespace Classet.Boooply.Webhooks;

/// <summary>
/// Where the durable webhook inbox keeps its entries: an embedded SQLite file (<c>UseSqlite</c>) or a database that several
/// instances of the app share (<c>UsePostgreSql</c>). Implement it to put the inbox on another database.
/// </summary>
/// <remarks>
/// <para>
/// <b>Several instances, one store.</b> Every member may be called at once from many threads and from many processes that
/// share the database. <see cref="EnqueueAsync"/> is idempotent on the unique pair (vendor, delivery key);
/// <see cref="ClaimAsync"/> is atomic (no entry is handed to two claimers while a lease is valid); and the members that
/// take a <see cref="WebhookInboxLease"/> change the entry only while that lease's token is still the entry's current one.
/// </para>
/// <para>
/// <b>One small statement per state change.</b> Each member changes at most one entry's state in one atomic statement (a
/// claim changes its batch in one), and returns only after the change has committed durably, so a process that dies at
/// any point leaves a state the next dispatcher understands: an entry is pending, or processing under a lease that
/// expires, or completed, or failed.
/// </para>
/// <para>
/// <b>The clock.</b> Stores never read a clock of their own: every time comes in as a <c>now</c> argument from the app's
/// <see cref="TimeProvider"/>, so retry timing can be tested with a fake clock. When several instances share a store,
/// their clocks must agree (NTP keeps them within milliseconds): a lease written by one instance is judged expired by
/// another instance's clock, so a skew of a large part of <c>LeaseDuration</c> would let an entry be taken over while its
/// handlers still run.
/// </para>
/// <para>
/// <b>Errors.</b> When the store cannot do what was asked (it is unreachable, locked past its bound, read-only, full or
/// missing), members throw <see cref="WebhookInboxStoreException"/>; the endpoint then answers 503 so the vendor retries.
/// An operation that threw may or may not have committed; every operation is safe to repeat.
/// </para>
/// </remarks>
public interface IWebhookInboxStore
{
    /// <summary>
    /// Prepares the store: creates the schema, or migrates an older one, when this store does that. Idempotent, and safe
    /// when several instances start at once. Called when the app starts; the other members may be called before it has
    /// completed (or after it failed), in which case the store prepares itself on first use or throws.
    /// </summary>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    /// <exception cref="WebhookInboxStoreException">The store cannot be prepared (unreachable, read-only, a schema newer than this version).</exception>
    ValueTask InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a delivery unless (vendor, delivery key) is already known, and returns once the result is durable. A new
    /// entry is <see cref="WebhookInboxState.Pending"/> and due at <paramref name="now"/>, or <see cref="WebhookInboxState.Failed"/>
    /// with the parse error when <see cref="WebhookInboxDelivery.ParseError"/> is set. A key is known while its entry is
    /// pending, processing or failed, and while it is completed unless it completed at or before
    /// <paramref name="now"/> − <paramref name="retainCompletedFor"/>: such an old completed entry is replaced by the new delivery.
    /// </summary>
    /// <param name="delivery">The delivery. The store copies the body before returning.</param>
    /// <param name="now">The current time.</param>
    /// <param name="retainCompletedFor">How long a completed entry keeps its key known.</param>
    /// <param name="cancellationToken">Cancels the operation (it may still have committed).</param>
    /// <returns><see cref="WebhookInboxEnqueueResult.Inserted"/> or <see cref="WebhookInboxEnqueueResult.AlreadyKnown"/>.</returns>
    /// <exception cref="WebhookInboxStoreException">The delivery could not be stored durably.</exception>
    ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery, DateTimeOffset now, TimeSpan retainCompletedFor, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <paramref name="maxCount"/> due entries: pending entries whose next attempt is at or before
    /// <paramref name="now"/>, and processing entries whose lease expired at or before <paramref name="now"/> (their worker
    /// stopped). Each claimed entry becomes <see cref="WebhookInboxState.Processing"/> with a new lease (owner, expiry
    /// <paramref name="now"/> + <paramref name="leaseDuration"/>, a new token) and one more attempt counted.
    /// </summary>
    /// <param name="owner">Who claims (host, process, instance), for operators.</param>
    /// <param name="maxCount">The most entries to claim; at least 1.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseDuration">How long the lease lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The claimed entries with <see cref="WebhookInboxEntry.Lease"/> set (when more are due than <paramref name="maxCount"/>,
    /// those due longest are chosen); empty when none is due.
    /// </returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Extends a lease to <paramref name="now"/> + <paramref name="leaseDuration"/> (a heartbeat for handlers that run long).</summary>
    /// <param name="lease">The lease to renew.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseDuration">The new lease length from <paramref name="now"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if renewed; <see langword="false"/> if the lease is no longer the entry's (taken over, or the entry left Processing).</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> RenewLeaseAsync(WebhookInboxLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Marks a claimed entry <see cref="WebhookInboxState.Completed"/> at <paramref name="now"/>.</summary>
    /// <param name="lease">The lease of the claim.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if done; <see langword="false"/> if the lease is no longer the entry's (nothing changed).</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> CompleteAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts a claimed entry whose attempt failed back to <see cref="WebhookInboxState.Pending"/>, due at <paramref name="nextAttemptAt"/>.</summary>
    /// <param name="lease">The lease of the claim.</param>
    /// <param name="nextAttemptAt">When the next attempt is due.</param>
    /// <param name="reason">Why the attempt failed (kept as <see cref="WebhookInboxEntry.LastError"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if done; <see langword="false"/> if the lease is no longer the entry's.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> RescheduleAsync(WebhookInboxLease lease, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claimed entry back without counting the attempt (the dispatcher is shutting down and its handlers stopped
    /// cleanly): it becomes <see cref="WebhookInboxState.Pending"/>, due at <paramref name="now"/>, with one attempt fewer.
    /// </summary>
    /// <param name="lease">The lease of the claim.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if done; <see langword="false"/> if the lease is no longer the entry's.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a claimed entry <see cref="WebhookInboxState.Failed"/> (its last attempt failed, or it can never succeed); it is kept.</summary>
    /// <param name="lease">The lease of the claim.</param>
    /// <param name="reason">Why (kept as <see cref="WebhookInboxEntry.LastError"/>).</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if done; <see langword="false"/> if the lease is no longer the entry's.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> FailAsync(WebhookInboxLease lease, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a <see cref="WebhookInboxState.Failed"/> entry back to <see cref="WebhookInboxState.Pending"/>, due at
    /// <paramref name="now"/>, with its attempt count set back to 0 (it gets <c>MaxAttempts</c> new attempts).
    /// </summary>
    /// <param name="entryId">The entry's id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if replayed; <see langword="false"/> if there is no such entry or it is not failed.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<bool> ReplayAsync(long entryId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> <see cref="WebhookInboxState.Completed"/> entries that completed before
    /// <paramref name="completedBefore"/>, oldest first, in one short statement. Call it again while it returns
    /// <paramref name="maxCount"/>.
    /// </summary>
    /// <param name="completedBefore">Entries completed before this time are deleted.</param>
    /// <param name="maxCount">The most entries to delete in this call; at least 1.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<int> PurgeCompletedAsync(DateTimeOffset completedBefore, int maxCount, CancellationToken cancellationToken);

    /// <summary>Counts the entries in each state.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<WebhookInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Summarises the <see cref="WebhookInboxState.Pending"/> entries by vendor and event type (for metrics and health checks).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One item per vendor and event type that has pending entries; empty when nothing is pending.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<IReadOnlyList<WebhookInboxBacklog>> GetBacklogAsync(CancellationToken cancellationToken);

    /// <summary>Reads one entry.</summary>
    /// <param name="entryId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry (without <see cref="WebhookInboxEntry.Lease"/>), or <see langword="null"/> if there is none with that id.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<WebhookInboxEntry?> GetAsync(long entryId, CancellationToken cancellationToken);

    /// <summary>Lists entries in one state, in increasing id order, one page at a time (keyset paging).</summary>
    /// <param name="state">The state.</param>
    /// <param name="afterId">Lists entries with an id greater than this (the last id of the previous page); <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most entries to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page (without <see cref="WebhookInboxEntry.Lease"/>); shorter than <paramref name="limit"/> on the last page.</returns>
    /// <exception cref="WebhookInboxStoreException">The store could not be reached.</exception>
    ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState state, long? afterId, int limit, CancellationToken cancellationToken);
}
