using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>
/// The inbox on one SQLite file: writes go through one queued writer with group commit, reads through pooled
/// connections that WAL lets run beside it. Every failure reaches callers as <see cref="WebhookInboxStoreException"/>.
/// </summary>
internal sealed class SqliteWebhookInboxStore : IWebhookInboxStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteInboxConnectionFactory _connections;
    private readonly SqliteInboxWriter _writer;

    public SqliteWebhookInboxStore(SqliteWebhookInboxOptions options)
    {
        _connections = new SqliteInboxConnectionFactory(options);
        _writer = new SqliteInboxWriter(_connections, options.MaxBatchSize, options.BusyTimeout);
    }

    /// <summary>Gets the connection factory (tests reach the pragmas and the open hook through it).</summary>
    internal SqliteInboxConnectionFactory Connections => _connections;

    public async ValueTask InitializeAsync(CancellationToken cancellationToken) =>
        await _writer.ExecuteAsync("be prepared", static _ => true, 0, cancellationToken).ConfigureAwait(false);

    public async ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery, DateTimeOffset now, TimeSpan retainCompletedFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(delivery.Vendor);
        ArgumentException.ThrowIfNullOrEmpty(delivery.DeliveryKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(retainCompletedFor, TimeSpan.Zero);

        // Copied now: the caller may reuse its (pooled) buffer as soon as this returns, and the write may run later.
        var copy = new WebhookInboxDelivery
        {
            Vendor = delivery.Vendor,
            DeliveryKey = delivery.DeliveryKey,
            EventType = delivery.EventType ?? string.Empty,
            Body = delivery.Body.ToArray(),
            Headers = delivery.Headers,
            VerificationMethod = delivery.VerificationMethod,
            ReceivedAt = delivery.ReceivedAt,
            ParseError = delivery.ParseError,
        };
        return await _writer.ExecuteAsync(
            "store a delivery",
            commands => commands.Enqueue(copy, now, retainCompletedFor),
            copy.Body.Length,
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return await _writer.ExecuteAsync("claim entries", commands => commands.Claim(owner, maxCount, now, leaseDuration), 0, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> RenewLeaseAsync(WebhookInboxLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return await _writer.ExecuteAsync("renew a lease", commands => commands.Renew(lease, now, leaseDuration), 0, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> CompleteAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _writer.ExecuteAsync("complete an entry", commands => commands.Complete(lease, now), 0, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RescheduleAsync(WebhookInboxLease lease, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return await _writer.ExecuteAsync("reschedule an entry", commands => commands.Reschedule(lease, nextAttemptAt, reason), 0, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _writer.ExecuteAsync("release an entry", commands => commands.Release(lease, now), 0, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> FailAsync(WebhookInboxLease lease, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return await _writer.ExecuteAsync("mark an entry failed", commands => commands.Fail(lease, reason, now), 0, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReplayAsync(long entryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _writer.ExecuteAsync("replay an entry", commands => commands.Replay(entryId, now), 0, cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> PurgeCompletedAsync(DateTimeOffset completedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return await _writer.ExecuteAsync("purge completed entries", commands => commands.Purge(completedBefore, maxCount), 0, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<WebhookInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        ReadAsync("read statistics", static command =>
        {
            command.CommandText = SqliteInboxSql.Statistics;
            long pending = 0, processing = 0, completed = 0, failed = 0;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt64(1);
                switch ((WebhookInboxState)reader.GetInt32(0))
                {
                    case WebhookInboxState.Pending: pending = count; break;
                    case WebhookInboxState.Processing: processing = count; break;
                    case WebhookInboxState.Completed: completed = count; break;
                    case WebhookInboxState.Failed: failed = count; break;
                }
            }

            return new WebhookInboxStatistics(pending, processing, completed, failed);
        }, cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxBacklog>> GetBacklogAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<WebhookInboxBacklog>>("read the backlog", static command =>
        {
            command.CommandText = SqliteInboxSql.Backlog;
            var backlog = new List<WebhookInboxBacklog>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                backlog.Add(new WebhookInboxBacklog(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), SqliteInboxEntryReader.Time(reader.GetInt64(3))));
            }

            return backlog;
        }, cancellationToken);

    public ValueTask<WebhookInboxEntry?> GetAsync(long entryId, CancellationToken cancellationToken) =>
        ReadAsync("read an entry", command =>
        {
            command.CommandText = SqliteInboxSql.Get;
            command.Parameters.AddWithValue("$id", entryId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? SqliteInboxEntryReader.Read(reader, includeLease: false) : null;
        }, cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState state, long? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync<IReadOnlyList<WebhookInboxEntry>>("list entries", command =>
        {
            command.CommandText = SqliteInboxSql.List;
            command.Parameters.AddWithValue("$state", (int)state);
            command.Parameters.AddWithValue("$after", afterId ?? long.MinValue);
            command.Parameters.AddWithValue("$limit", limit);
            var entries = new List<WebhookInboxEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(SqliteInboxEntryReader.Read(reader, includeLease: false));
            }

            return entries;
        }, cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Runs a query on a pooled read connection, off the caller's thread (Microsoft.Data.Sqlite's async methods run
    /// synchronously). Makes sure the schema exists first.
    /// </summary>
    private async ValueTask<T> ReadAsync<T>(string operation, Func<SqliteCommand, T> query, CancellationToken cancellationToken)
    {
        if (!_writer.Initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return await Task.Run(() =>
        {
            try
            {
                using var connection = _connections.OpenReader();
                using var command = connection.CreateCommand();
                command.CommandTimeout = _connections.CommandTimeoutSeconds;
                return query(command);
            }
            catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw SqliteInboxErrors.Wrap(exception, operation, _connections.DataSource);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
