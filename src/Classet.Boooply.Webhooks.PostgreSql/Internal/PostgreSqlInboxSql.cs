namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// The inbox's statements for one schema. Each state change is one statement (committed on its own), and each touches
/// rows only through the index made for it: the unique key for enqueue, the partial indexes for claims and purges.
/// </summary>
internal sealed class PostgreSqlInboxSql
{
    /// <summary>The columns every entry is read with, in the order <see cref="PostgreSqlWebhookInboxStore"/> reads them.</summary>
    private const string Columns =
        "id, vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, attempts, next_attempt_at, " +
        "lease_owner, lease_token, lease_expires_at, last_error, completed_at, failed_at";

    public PostgreSqlInboxSql(string schemaName, string? channel)
    {
        var table = $"\"{schemaName}\".inbox";
        var notify = channel is null ? string.Empty : $"pg_notify('{channel}', '')";

        // One round trip: insert, or replace a completed entry older than the retention (a new id, so ids keep growing),
        // or do nothing for a key that is known. ON CONFLICT ... DO UPDATE ... WHERE takes the row's lock, so two copies
        // arriving at once cannot both insert; RETURNING has a row only when this call stored the delivery. The NOTIFY is
        // part of the same transaction, so listeners hear of the entry only once it is committed.
        // The same enqueue without the NOTIFY, for enqueues inside the notification window (see PostgreSqlNotifier).
        EnqueueQuietly = BuildEnqueue(table, schemaName, null);
        Notify = channel is null ? string.Empty : $"SELECT {notify}";
        Enqueue = BuildEnqueue(table, schemaName, channel is null ? null : notify);

        // Expired leases first (their entries waited longest), then due pending entries; SKIP LOCKED lets any number of
        // claimers share the work without waiting on each other, and the lock re-checks the row, so no entry is handed out
        // twice. The update finds the rows by primary key (= ANY(ARRAY(...))), never by a join that could scan the table.
        Claim = $"""
            WITH expired AS (
                SELECT id FROM {table} WHERE state = 1 AND lease_expires_at <= $1
                ORDER BY lease_expires_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
            pending AS (
                SELECT id FROM {table} WHERE state = 0 AND next_attempt_at <= $1
                ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
            due AS (
                SELECT id FROM expired UNION ALL SELECT id FROM pending LIMIT $2),
            claimed AS (
                UPDATE {table} SET state = 1, attempts = attempts + 1, next_attempt_at = NULL, lease_owner = $3,
                    lease_token = gen_random_uuid(), lease_expires_at = $4
                WHERE id = ANY (ARRAY(SELECT id FROM due))
                RETURNING {Columns})
            SELECT {Columns} FROM claimed ORDER BY id
            """;

        const string Leased = "WHERE id = $1 AND lease_token = $2 AND state = 1";
        const string ClearLease = "lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL";
        RenewLease = $"UPDATE {table} SET lease_expires_at = $3 {Leased}";
        Complete = $"UPDATE {table} SET state = 2, completed_at = $3, {ClearLease} {Leased}";
        Reschedule = $"UPDATE {table} SET state = 0, next_attempt_at = $3, last_error = $4, {ClearLease} {Leased}";
        Fail = $"UPDATE {table} SET state = 3, failed_at = $3, last_error = $4, {ClearLease} {Leased}";

        // Released and replayed entries are due at once: tell the other instances, as an enqueue does.
        Release = WithNotify(
            $"UPDATE {table} SET state = 0, next_attempt_at = $3, attempts = greatest(attempts - 1, 0), {ClearLease} {Leased} RETURNING id",
            notify);
        Replay = WithNotify(
            $"UPDATE {table} SET state = 0, attempts = 0, next_attempt_at = $2, failed_at = NULL WHERE id = $1 AND state = 3 RETURNING id",
            notify);

        // Oldest first through the completed-at partial index, in one bounded statement; SKIP LOCKED so that two instances
        // purging at once (or a purge meeting an enqueue that is replacing an old entry) never wait on each other.
        PurgeCompleted = $"""
            DELETE FROM {table} WHERE state = 2 AND id = ANY (ARRAY(
                SELECT id FROM {table} WHERE state = 2 AND completed_at < $1 ORDER BY completed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED))
            """;

        // Each count can use its state's partial index (or the primary key), never a scan of all states at once.
        Statistics = $"""
            SELECT (SELECT count(*) FROM {table} WHERE state = 0), (SELECT count(*) FROM {table} WHERE state = 1),
                   (SELECT count(*) FROM {table} WHERE state = 2), (SELECT count(*) FROM {table} WHERE state = 3)
            """;
        Backlog = $"SELECT vendor, event_type, count(*), min(received_at) FROM {table} WHERE state = 0 GROUP BY vendor, event_type ORDER BY vendor, event_type";
        Get = $"SELECT {Columns} FROM {table} WHERE id = $1";
        List = $"SELECT {Columns} FROM {table} WHERE state = $1 AND id > $2 ORDER BY id LIMIT $3";
    }

    public string Enqueue { get; }

    public string EnqueueQuietly { get; }

    /// <summary>A NOTIFY on its own (empty when notifications are off).</summary>
    public string Notify { get; }

    public string Claim { get; }

    public string RenewLease { get; }

    public string Complete { get; }

    public string Reschedule { get; }

    public string Fail { get; }

    public string Release { get; }

    public string Replay { get; }

    public string PurgeCompleted { get; }

    public string Statistics { get; }

    public string Backlog { get; }

    public string Get { get; }

    public string List { get; }

    private static string BuildEnqueue(string table, string schemaName, string? notify) =>
        $"""
            WITH stored AS (
                INSERT INTO {table} AS e (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, attempts, next_attempt_at, last_error, failed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11)
                ON CONFLICT (vendor, delivery_key) DO UPDATE SET
                    id = nextval('"{schemaName}".inbox_id_seq'), event_type = EXCLUDED.event_type, body = EXCLUDED.body,
                    headers = EXCLUDED.headers, verification_method = EXCLUDED.verification_method, received_at = EXCLUDED.received_at,
                    state = EXCLUDED.state, attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, lease_owner = NULL,
                    lease_token = NULL, lease_expires_at = NULL, last_error = EXCLUDED.last_error, completed_at = NULL,
                    failed_at = EXCLUDED.failed_at
                WHERE e.state = 2 AND e.completed_at <= $12
                RETURNING e.state)
            SELECT count(*)::int{(notify is null ? string.Empty : $", (SELECT count(*) FROM (SELECT {notify} FROM stored WHERE state = 0) AS notified)::int")} FROM stored
            """;

    private static string WithNotify(string update, string notify) =>
        notify.Length == 0
            ? $"WITH changed AS ({update}) SELECT count(*)::int FROM changed"
            : $"WITH changed AS ({update}) SELECT count(*)::int, (SELECT count(*) FROM (SELECT {notify} FROM changed) AS notified)::int FROM changed";
}
