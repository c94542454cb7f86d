namespace Classet.Boooply.Webhooks.Sqlite;

/// <summary>Settings of the SQLite store of the durable webhook inbox (<c>services.AddWebhookInbox().UseSqlite(...)</c>).</summary>
public sealed class SqliteWebhookInboxOptions
{
    /// <summary>
    /// Gets or sets the SQLite connection string, for example <c>Data Source=/var/lib/myapp/webhooks-inbox.db</c>. The file is
    /// created if missing, but its directory must exist. Use a local disk, never a network share (SQLite's locking is not
    /// reliable there), and one file per app: the store assumes it is the only writer. In-memory databases are refused:
    /// they would lose acknowledged deliveries.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how hard each commit is pushed to disk. Default <see cref="SqliteWebhookInboxDurability.Full"/>.</summary>
    public SqliteWebhookInboxDurability Durability { get; set; } = SqliteWebhookInboxDurability.Full;

    /// <summary>
    /// Gets or sets the longest an operation waits for the database: for another process's lock on the file, and in this
    /// process's write queue. Past it, the operation throws <see cref="WebhookInboxStoreException"/> (the endpoint answers 503).
    /// Default 5 seconds; between 10 milliseconds and 5 minutes.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how many queued write operations share one transaction, and so one fsync (group commit). Each still
    /// returns only after that commit. Default 256; between 1 (no grouping) and 10000.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;
}
