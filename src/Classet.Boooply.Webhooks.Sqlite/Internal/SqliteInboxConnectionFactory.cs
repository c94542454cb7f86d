using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>Opens the writer's connection and the pooled read connections, each with the store's pragmas.</summary>
internal sealed class SqliteInboxConnectionFactory
{
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly string _synchronous;
    private readonly int _busyTimeoutMilliseconds;

    public SqliteInboxConnectionFactory(SqliteWebhookInboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The SQLite webhook inbox needs a connection string, such as \"Data Source=webhooks-inbox.db\".", nameof(options));
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"The SQLite webhook inbox connection string is not valid: {exception.Message}", nameof(options), exception);
        }

        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.DataSource.Trim() == ":memory:" || builder.DataSource.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "The SQLite webhook inbox needs a database file (Data Source=path): an in-memory database would lose acknowledged deliveries.", nameof(options));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The SQLite webhook inbox writes to its database: remove Mode=ReadOnly.", nameof(options));
        }

        if (options.BusyTimeout < TimeSpan.FromMilliseconds(10) || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "BusyTimeout must be between 10 milliseconds and 5 minutes.");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBatchSize, "MaxBatchSize must be between 1 and 10000.");
        }

        DataSource = builder.DataSource;
        _busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        CommandTimeoutSeconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        _synchronous = options.Durability == SqliteWebhookInboxDurability.Normal ? "NORMAL" : "FULL";

        // The file is created if missing, but never its directory: a missing directory is a misconfiguration (or an
        // unmounted volume), reported rather than papered over.
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.DefaultTimeout = CommandTimeoutSeconds;
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
        builder.Pooling = true;
        _readerConnectionString = builder.ToString();
    }

    /// <summary>Gets the database file, as configured (for messages; never the whole connection string).</summary>
    public string DataSource { get; }

    /// <summary>Gets the command timeout, which bounds Microsoft.Data.Sqlite's own retries on a locked database.</summary>
    public int CommandTimeoutSeconds { get; }

    /// <summary>Gets the synchronous pragma value in force: FULL or NORMAL.</summary>
    public string Synchronous => _synchronous;

    /// <summary>Called on every connection this factory opens, after the pragmas. For tests (for example to cap the file size).</summary>
    internal Action<SqliteConnection>? ConnectionOpened { get; set; }

    public SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                // WAL: readers never block the writer and a commit appends to one file. It is recorded in the database,
                // so the statement is a no-op after the first time.
                pragma.CommandText =
                    $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = {_synchronous};";
                pragma.CommandTimeout = CommandTimeoutSeconds;
                pragma.ExecuteNonQuery();
            }

            ConnectionOpened?.Invoke(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds};";
                pragma.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
