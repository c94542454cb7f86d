using Npgsql;
using NpgsqlTypes;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// Deduplication shared by every instance through one PostgreSQL table: a claim is one <c>INSERT … ON CONFLICT … DO UPDATE
/// … WHERE expired</c> (atomic: of any number of concurrent claims of a key, on any instances, one gets the row), and
/// completion and release act only while the claim's owner token is still the row's.
/// </summary>
internal sealed class PostgreSqlWebhookDeduplicationStore : IWebhookDeduplicationStore, IAsyncDisposable
{
    private const int PurgeBatchSize = 500;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _time;
    private readonly TimeSpan _claimDuration;
    private readonly TimeSpan _retention;
    private readonly string _claim;
    private readonly string _complete;
    private readonly string _release;
    private readonly string _purge;
    private long _nextPurgeTicks;
    private int _purging;

    public PostgreSqlWebhookDeduplicationStore(PostgreSqlDatabase database, PostgreSqlWebhookDeduplicationOptions options, TimeProvider time)
    {
        _database = database;
        _time = time;
        _claimDuration = options.ClaimDuration;
        _retention = options.RetentionPeriod;
        var table = $"\"{database.SchemaName}\".deduplication";

        // Claimed when the insert (or the take-over of an expired row) returned a row. Otherwise the row's state says why;
        // a row committed by a concurrent claim after this statement's snapshot is not visible to the SELECT, and no row
        // at all then means "someone holds it right now": InProgress, which the vendor retries.
        _claim = $"""
            WITH claimed AS (
                INSERT INTO {table} AS d (delivery_key, state, owner_token, expires_at) VALUES ($1, 0, $2, $3)
                ON CONFLICT (delivery_key) DO UPDATE SET state = 0, owner_token = EXCLUDED.owner_token, expires_at = EXCLUDED.expires_at
                WHERE d.expires_at <= $4
                RETURNING 1)
            SELECT (-1)::smallint FROM claimed
            UNION ALL
            SELECT state FROM {table} WHERE delivery_key = $1 AND NOT EXISTS (SELECT 1 FROM claimed)
            """;
        _complete = $"UPDATE {table} SET state = 1, owner_token = NULL, expires_at = $3 WHERE delivery_key = $1 AND owner_token = $2 AND state = 0";
        _release = $"DELETE FROM {table} WHERE delivery_key = $1 AND owner_token = $2 AND state = 0";
        _purge = $"""
            DELETE FROM {table} WHERE delivery_key = ANY (ARRAY(
                SELECT delivery_key FROM {table} WHERE expires_at < $1 ORDER BY expires_at LIMIT {PurgeBatchSize} FOR UPDATE SKIP LOCKED))
            """;
    }

    public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        var now = _time.GetUtcNow();
        var token = Guid.NewGuid();
        PurgeNowAndThen(now);
        return _database.RunAsync(
            "claim a delivery key",
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand(_claim, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deliveryKey });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = token });
                command.Parameters.Add(Time(now + _claimDuration));
                command.Parameters.Add(Time(now));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var state = await reader.ReadAsync(ct).ConfigureAwait(false) ? reader.GetInt16(0) : (short)0;
                return state switch
                {
                    -1 => WebhookDeduplicationClaim.Claimed(deliveryKey, token),
                    1 => WebhookDeduplicationClaim.AlreadyProcessed(deliveryKey),
                    _ => WebhookDeduplicationClaim.InProgress(deliveryKey),
                };
            },
            Wrap,
            cancellationToken);
    }

    public ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        if (!claim.IsClaimed)
        {
            return ValueTask.FromResult(false);
        }

        var expires = _time.GetUtcNow() + _retention;
        return _database.RunAsync(
            "record a processed delivery key",
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand(_complete, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.DeliveryKey });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.OwnerToken });
                command.Parameters.Add(Time(expires));
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            Wrap,
            cancellationToken);
    }

    public ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        if (!claim.IsClaimed)
        {
            return ValueTask.FromResult(false);
        }

        return _database.RunAsync(
            "release a delivery key",
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand(_release, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.DeliveryKey });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = claim.OwnerToken });
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            Wrap,
            cancellationToken);
    }

    /// <summary>Deletes up to one batch of expired keys (oldest first); returns how many.</summary>
    internal ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.RunAsync(
            "purge expired delivery keys",
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand(_purge, connection);
                command.Parameters.Add(Time(now));
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            Wrap,
            cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>
    /// The receivers answer 500 for a failed claim (so the vendor retries) and log a failed completion; the exception keeps
    /// the database's own error inside.
    /// </summary>
    private static InvalidOperationException Wrap(string message, Exception inner) => new(message, inner);

    /// <summary>At most one small purge a minute per instance, off the request's path; a failure waits for the next one.</summary>
    private void PurgeNowAndThen(DateTimeOffset now)
    {
        if (now.UtcTicks < Interlocked.Read(ref _nextPurgeTicks) || Interlocked.Exchange(ref _purging, 1) == 1)
        {
            return;
        }

        Interlocked.Exchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks);
        _ = Task.Run(async () =>
        {
            try
            {
                await PurgeExpiredAsync(now, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
            {
                // The database is away (the claims report that themselves), or the store was disposed meanwhile.
            }
            finally
            {
                Volatile.Write(ref _purging, 0);
            }
        });
    }

    private static NpgsqlParameter Time(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() };
}
