namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>
/// The store's SQL. Times are Unix milliseconds (UTC) from the app's clock; states are <see cref="WebhookInboxState"/>
/// values. Every state change is one statement, guarded by state and lease token where a lease is involved.
/// </summary>
internal static class SqliteInboxSql
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int LatestSchemaVersion = 1;

    public const string Columns =
        "id, vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, attempts, " +
        "next_attempt_at, lease_owner, lease_token, lease_expires_at, last_error, completed_at, failed_at";

    public const string CreateSchemaTable =
        "CREATE TABLE IF NOT EXISTS webhook_inbox_schema (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);";

    public const string CurrentSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM webhook_inbox_schema;";

    public const string RecordSchemaVersion =
        "INSERT INTO webhook_inbox_schema (version, applied_at) VALUES ($version, CAST(strftime('%s', 'now') AS INTEGER) * 1000);";

    /// <summary>Migrations by the version they produce; index 0 produces version 1.</summary>
    public static readonly string[] Migrations =
    [
        // Version 1. AUTOINCREMENT: ids are never reused after a purge, so keyset paging and logs stay unambiguous.
        // The partial indexes hold only live rows: a million completed entries do not slow the claim or the enqueue.
        """
        CREATE TABLE webhook_inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            vendor TEXT NOT NULL,
            delivery_key TEXT NOT NULL,
            event_type TEXT NOT NULL,
            body BLOB NOT NULL,
            headers TEXT NOT NULL,
            verification_method INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            state INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            lease_owner TEXT,
            lease_token BLOB,
            lease_expires_at INTEGER,
            last_error TEXT,
            completed_at INTEGER,
            failed_at INTEGER,
            CONSTRAINT ux_webhook_inbox_key UNIQUE (vendor, delivery_key)
        );
        CREATE INDEX ix_webhook_inbox_due ON webhook_inbox (next_attempt_at) WHERE state = 0;
        CREATE INDEX ix_webhook_inbox_leases ON webhook_inbox (lease_expires_at) WHERE state = 1;
        CREATE INDEX ix_webhook_inbox_completed ON webhook_inbox (completed_at) WHERE state = 2;
        CREATE INDEX ix_webhook_inbox_state ON webhook_inbox (state, id);
        """,
    ];

    /// <summary>
    /// Inserts, or replaces a completed entry older than the retention, or does nothing: one statement, 1 row changed
    /// when stored and 0 when the key is known.
    /// </summary>
    public const string Enqueue =
        """
        INSERT INTO webhook_inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at,
                                   state, attempts, next_attempt_at, last_error, failed_at)
        VALUES ($vendor, $key, $event, $body, $headers, $method, $received, $state, 0, $next, $error, $failed)
        ON CONFLICT (vendor, delivery_key) DO UPDATE SET
            event_type = excluded.event_type, body = excluded.body, headers = excluded.headers,
            verification_method = excluded.verification_method, received_at = excluded.received_at,
            state = excluded.state, attempts = 0, next_attempt_at = excluded.next_attempt_at,
            lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
            last_error = excluded.last_error, completed_at = NULL, failed_at = excluded.failed_at
        WHERE webhook_inbox.state = 2 AND webhook_inbox.completed_at <= $cutoff;
        """;

    /// <summary>
    /// Due pending entries (oldest due first), then expired leases; each gets its own random token. INDEXED BY pins the
    /// partial indexes: without statistics the planner would take the state index and sort every pending row.
    /// </summary>
    public const string Claim =
        """
        UPDATE webhook_inbox
        SET state = 1, attempts = attempts + 1, next_attempt_at = NULL,
            lease_owner = $owner, lease_token = randomblob(16), lease_expires_at = $expires
        WHERE id IN (
            SELECT id FROM (SELECT id FROM webhook_inbox INDEXED BY ix_webhook_inbox_due WHERE state = 0 AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $limit)
            UNION ALL
            SELECT id FROM (SELECT id FROM webhook_inbox INDEXED BY ix_webhook_inbox_leases WHERE state = 1 AND lease_expires_at <= $now ORDER BY lease_expires_at LIMIT $limit)
            LIMIT $limit)
        RETURNING
        """ + " " + Columns + ";";

    private const string HeldLease = "WHERE id = $id AND state = 1 AND lease_token = $token;";

    public const string Renew = "UPDATE webhook_inbox SET lease_expires_at = $expires " + HeldLease;

    public const string Complete =
        "UPDATE webhook_inbox SET state = 2, completed_at = $now, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL " + HeldLease;

    public const string Reschedule =
        "UPDATE webhook_inbox SET state = 0, next_attempt_at = $next, last_error = $error, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL " + HeldLease;

    public const string Release =
        "UPDATE webhook_inbox SET state = 0, next_attempt_at = $now, attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL " + HeldLease;

    public const string Fail =
        "UPDATE webhook_inbox SET state = 3, failed_at = $now, last_error = $error, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL " + HeldLease;

    public const string Replay =
        "UPDATE webhook_inbox SET state = 0, attempts = 0, next_attempt_at = $now, failed_at = NULL WHERE id = $id AND state = 3;";

    public const string Purge =
        "DELETE FROM webhook_inbox WHERE id IN (SELECT id FROM webhook_inbox INDEXED BY ix_webhook_inbox_completed WHERE state = 2 AND completed_at < $before ORDER BY completed_at LIMIT $limit);";

    public const string Statistics = "SELECT state, COUNT(*) FROM webhook_inbox GROUP BY state;";

    public const string Backlog =
        "SELECT vendor, event_type, COUNT(*), MIN(received_at) FROM webhook_inbox WHERE state = 0 GROUP BY vendor, event_type ORDER BY vendor, event_type;";

    public const string Get = "SELECT " + Columns + " FROM webhook_inbox WHERE id = $id;";

    public const string List = "SELECT " + Columns + " FROM webhook_inbox WHERE state = $state AND id > $after ORDER BY id LIMIT $limit;";
}
