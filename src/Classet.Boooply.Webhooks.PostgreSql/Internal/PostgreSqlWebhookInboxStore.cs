using Npgsql;
using NpgsqlTypes;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// The inbox store on PostgreSQL, shared by every instance of the app: one statement per state change, each committed on
/// its own (autocommit) before the member returns, so a crash at any point leaves a state the next dispatcher understands.
/// </summary>
internal sealed class PostgreSqlWebhookInboxStore : IWebhookInboxStore, IWebhookInboxWakeUpSource, IAsyncDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly PostgreSqlInboxSql _sql;
    private readonly PostgreSqlNotificationListener? _listener;
    private readonly PostgreSqlNotifier? _notifier;

    public PostgreSqlWebhookInboxStore(PostgreSqlDatabase database, PostgreSqlNotificationListener? listener)
    {
        _database = database;
        _sql = new PostgreSqlInboxSql(database.SchemaName, database.UseNotifications ? database.Channel : null);
        _listener = listener;
        _notifier = database.UseNotifications ? new PostgreSqlNotifier(SendNotificationAsync) : null;
        if (listener is not null)
        {
            listener.Notified += () => WorkAvailable?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <inheritdoc />
    public event EventHandler? WorkAvailable;

    /// <summary>Gets the database this store works on (tests reach the data source through it).</summary>
    internal PostgreSqlDatabase Database => _database;

    /// <summary>Gets the listener that hears other instances' enqueues, when notifications are on.</summary>
    internal PostgreSqlNotificationListener? Listener => _listener;

    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        // The listener first: it reconnects by itself, so it must run even when the database is down at startup.
        _listener?.Start();
        await _database.RunAsync("prepare its schema", static (_, _) => ValueTask.FromResult(true), Wrap, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery, DateTimeOffset now, TimeSpan retainCompletedFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentOutOfRangeException.ThrowIfLessThan(retainCompletedFor, TimeSpan.Zero);
        var failed = delivery.ParseError is not null;
        var cutoff = now - DateTimeOffset.MinValue < retainCompletedFor ? DateTimeOffset.MinValue : now - retainCompletedFor;

        // Copied before the first await: the caller may reuse the body's memory as soon as this returns.
        var body = delivery.Body.ToArray();
        var headers = PostgreSqlHeaders.Encode(delivery.Headers);
        var notifyNow = _notifier is null || failed || _notifier.TryTake();
        return EnqueueCoreAsync(delivery, body, headers, failed, now, cutoff, notifyNow, cancellationToken);
    }

    private async ValueTask<WebhookInboxEnqueueResult> EnqueueCoreAsync(
        WebhookInboxDelivery delivery, byte[] body, string headers, bool failed, DateTimeOffset now, DateTimeOffset cutoff, bool notifyNow, CancellationToken cancellationToken)
    {
        var result = await _database.RunAsync(
            "store a delivery",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(notifyNow ? _sql.Enqueue : _sql.EnqueueQuietly, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = delivery.Vendor });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = delivery.DeliveryKey });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = delivery.EventType ?? string.Empty });
                command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = body });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = headers });
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)delivery.VerificationMethod });
                command.Parameters.Add(Time(delivery.ReceivedAt));
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)(failed ? WebhookInboxState.Failed : WebhookInboxState.Pending) });
                command.Parameters.Add(Time(failed ? null : now));
                command.Parameters.Add(Text(delivery.ParseError));
                command.Parameters.Add(Time(failed ? now : null));
                command.Parameters.Add(Time(cutoff));
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await reader.ReadAsync(token).ConfigureAwait(false);
                return reader.GetInt32(0) == 1 ? WebhookInboxEnqueueResult.Inserted : WebhookInboxEnqueueResult.AlreadyKnown;
            },
            Wrap,
            cancellationToken).ConfigureAwait(false);
        if (!notifyNow && result == WebhookInboxEnqueueResult.Inserted)
        {
            _notifier!.AfterQuietCommit();
        }

        return result;
    }

    private async ValueTask SendNotificationAsync() =>
        await _database.RunAsync(
            "notify other instances",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Notify, connection);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            Wrap,
            CancellationToken.None).ConfigureAwait(false);

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return _database.RunAsync(
            "claim entries",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Claim, connection);
                command.Parameters.Add(Time(now));
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
                command.Parameters.Add(Time(now + leaseDuration));
                return await ReadEntriesAsync(command, withLease: true, token).ConfigureAwait(false);
            },
            Wrap,
            cancellationToken);
    }

    public ValueTask<bool> RenewLeaseAsync(WebhookInboxLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("renew a lease", _sql.RenewLease, lease, now + leaseDuration, null, cancellationToken);

    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("complete an entry", _sql.Complete, lease, now, null, cancellationToken);

    public ValueTask<bool> RescheduleAsync(WebhookInboxLease lease, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("reschedule an entry", _sql.Reschedule, lease, nextAttemptAt, reason ?? string.Empty, cancellationToken);

    public ValueTask<bool> FailAsync(WebhookInboxLease lease, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("fail an entry", _sql.Fail, lease, now, reason ?? string.Empty, cancellationToken);

    public ValueTask<bool> ReleaseAsync(WebhookInboxLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.RunAsync(
            "release an entry",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Release, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lease.EntryId });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lease.Token });
                command.Parameters.Add(Time(now));
                return await ReadCountAsync(command, token).ConfigureAwait(false) == 1;
            },
            Wrap,
            cancellationToken);

    public ValueTask<bool> ReplayAsync(long entryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.RunAsync(
            "replay an entry",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Replay, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entryId });
                command.Parameters.Add(Time(now));
                return await ReadCountAsync(command, token).ConfigureAwait(false) == 1;
            },
            Wrap,
            cancellationToken);

    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset completedBefore, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return _database.RunAsync(
            "purge completed entries",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.PurgeCompleted, connection);
                command.Parameters.Add(Time(completedBefore));
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            Wrap,
            cancellationToken);
    }

    public ValueTask<WebhookInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(
            "count entries",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Statistics, connection);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await reader.ReadAsync(token).ConfigureAwait(false);
                return new WebhookInboxStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            },
            Wrap,
            cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxBacklog>> GetBacklogAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<WebhookInboxBacklog>>(
            "summarise pending entries",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Backlog, connection);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var backlog = new List<WebhookInboxBacklog>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    backlog.Add(new WebhookInboxBacklog(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
                }

                return backlog;
            },
            Wrap,
            cancellationToken);

    public ValueTask<WebhookInboxEntry?> GetAsync(long entryId, CancellationToken cancellationToken) =>
        _database.RunAsync(
            "read an entry",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.Get, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entryId });
                var entries = await ReadEntriesAsync(command, withLease: false, token).ConfigureAwait(false);
                return entries.Count == 0 ? null : entries[0];
            },
            Wrap,
            cancellationToken);

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState state, long? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _database.RunAsync(
            "list entries",
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(_sql.List, connection);
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)state });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId ?? long.MinValue });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
                return await ReadEntriesAsync(command, withLease: false, token).ConfigureAwait(false);
            },
            Wrap,
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        await _database.DisposeAsync().ConfigureAwait(false);
    }

    private static WebhookInboxStoreException Wrap(string message, Exception inner) => new(message, inner);

    /// <summary>One lease-holder-only change: <paramref name="time"/> is $3, <paramref name="reason"/> (when given) $4.</summary>
    private ValueTask<bool> ChangeLeasedAsync(string operation, string sql, WebhookInboxLease lease, DateTimeOffset time, string? reason, CancellationToken cancellationToken) =>
        _database.RunAsync(
            operation,
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lease.EntryId });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lease.Token });
                command.Parameters.Add(Time(time));
                if (reason is not null)
                {
                    command.Parameters.Add(Text(reason));
                }

                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            Wrap,
            cancellationToken);

    private static async ValueTask<int> ReadCountAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetInt32(0);
    }

    private static async ValueTask<IReadOnlyList<WebhookInboxEntry>> ReadEntriesAsync(NpgsqlCommand command, bool withLease, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<WebhookInboxEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            var state = (WebhookInboxState)reader.GetInt16(8);
            Guid? token = reader.IsDBNull(12) ? null : reader.GetGuid(12);
            entries.Add(new WebhookInboxEntry
            {
                Id = id,
                Vendor = reader.GetString(1),
                DeliveryKey = reader.GetString(2),
                EventType = reader.GetString(3),
                Body = reader.GetFieldValue<byte[]>(4),
                Headers = PostgreSqlHeaders.Decode(reader.GetString(5)),
                VerificationMethod = (WebhookVerificationMethod)reader.GetInt16(6),
                ReceivedAt = reader.GetFieldValue<DateTimeOffset>(7),
                State = state,
                Attempts = reader.GetInt32(9),
                NextAttemptAt = ReadTime(reader, 10),
                LeaseOwner = reader.IsDBNull(11) ? null : reader.GetString(11),
                LeaseExpiresAt = ReadTime(reader, 13),
                LastError = reader.IsDBNull(14) ? null : reader.GetString(14),
                CompletedAt = ReadTime(reader, 15),
                FailedAt = ReadTime(reader, 16),
                Lease = withLease && token is { } value ? new WebhookInboxLease(id, value) : null,
            });
        }

        return entries;
    }

    private static DateTimeOffset? ReadTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlParameter Time(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
        Value = value is { } time ? time.ToUniversalTime() : DBNull.Value,
    };

    private static NpgsqlParameter Text(string? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Text,
        Value = value is null ? DBNull.Value : value,
    };
}
