using System.Globalization;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>
/// The one place where <c>inbox</c> chooses its store: <c>--sqlite</c> or <c>--postgresql</c>. It opens an
/// <see cref="IWebhookInbox"/> through the packages' public registration (<c>AddWebhookInbox().UseSqlite(…)</c>) in a
/// bare service provider, so no hosted service starts: the tool never runs handlers or takes leases.
/// </summary>
/// <remarks>
/// What it prints about the store is the data source (a file path) or host only, never the connection string, which
/// may carry a password.
/// </remarks>
internal sealed class InboxStoreOption
{
    public const string SqliteOption = "--sqlite";
    public const string PostgreSqlOption = "--postgresql";

    /// <summary>
    /// The schema version of the SQLite inbox this tool reads: the version Classet.Boooply.Webhooks.Sqlite creates.
    /// The tool refuses any other rather than let the store migrate a database an app may be running on (a test keeps
    /// this in step with the package).
    /// </summary>
    public const int SqliteSchemaVersion = 1;

    public static readonly CliOption[] Options =
    [
        new(SqliteOption, "connection string|path", "the SQLite inbox: \"Data Source=inbox.db\" or just the file's path"),
        new(PostgreSqlOption, "connection string", "the PostgreSQL inbox (Npgsql connection string; the schema is read, never created)"),
    ];

    private readonly Action<WebhookInboxBuilder> _useStore;
    private readonly Func<CancellationToken, Task>? _checkAsync;

    private InboxStoreOption(string store, string location, Action<WebhookInboxBuilder> useStore, Func<CancellationToken, Task>? checkAsync)
    {
        Store = store;
        Location = location;
        _useStore = useStore;
        _checkAsync = checkAsync;
    }

    /// <summary>Gets the store's kind: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Store { get; }

    /// <summary>Gets where the store is, safe to print: the SQLite data source, or the PostgreSQL host and database.</summary>
    public string Location { get; }

    /// <summary>Gets a line for people, such as <c>SQLite inbox at 'inbox.db'</c>.</summary>
    public string Description => Store == "sqlite" ? $"SQLite inbox at '{Location}'" : $"PostgreSQL inbox at {Location}";

    /// <summary>Reads <c>--sqlite</c> or <c>--postgresql</c>.</summary>
    /// <exception cref="CliUsageException">Neither or both are given, or the value is not a usable connection string.</exception>
    public static InboxStoreOption Parse(CliInvocation invocation)
    {
        var sqlite = invocation.Value(SqliteOption);
        var postgreSql = invocation.Value(PostgreSqlOption);
        if ((sqlite is null) == (postgreSql is null))
        {
            throw new CliUsageException($"give the inbox with {SqliteOption} <connection string or path> or {PostgreSqlOption} <connection string> (one of them).");
        }

        if (postgreSql is not null)
        {
            return ParsePostgreSql(postgreSql);
        }

        return ParseSqlite(sqlite!);
    }

    /// <summary>
    /// Checks the store without changing it (for SQLite: the file exists and has the schema this tool knows), then
    /// builds a service provider with the inbox registered on it.
    /// </summary>
    /// <returns>The provider; resolve <see cref="IWebhookInbox"/> from it and dispose it when done.</returns>
    /// <exception cref="WebhookInboxStoreException">The store is missing, unreachable, or not an inbox this tool can read.</exception>
    public async Task<ServiceProvider> OpenAsync(CancellationToken cancellationToken)
    {
        if (_checkAsync is not null)
        {
            await _checkAsync(cancellationToken).ConfigureAwait(false);
        }

        var services = new ServiceCollection();
        _useStore(services.AddWebhookInbox());
        return services.BuildServiceProvider();
    }

    private static InboxStoreOption ParsePostgreSql(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // The parser's message may quote the string, and the string may hold a password.
            throw new CliUsageException($"{PostgreSqlOption} is not a valid Npgsql connection string (\"Host=...;Database=...;Username=...\").", exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new CliUsageException($"{PostgreSqlOption} needs a Host.");
        }

        // Host, port and database only: never the password or anything else the string carries.
        var location = $"{builder.Host}:{builder.Port}/{builder.Database ?? "(default database)"}";

        // CreateSchema off: the tool checks the schema's version and refuses one it does not know, but never creates or
        // migrates it. No LISTEN connection: the tool runs no dispatcher.
        return new InboxStoreOption(
            "postgresql",
            location,
            inbox => inbox.UsePostgreSql(value, options =>
            {
                options.CreateSchema = false;
                options.UseNotifications = false;
            }),
            checkAsync: null);
    }

    private static InboxStoreOption ParseSqlite(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUsageException($"{SqliteOption} needs a connection string or a file path.");
        }

        SqliteConnectionStringBuilder builder;
        if (value.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                builder = new SqliteConnectionStringBuilder(value);
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
            {
                // The parser's message may quote the string, and the string may hold a password.
                throw new CliUsageException($"{SqliteOption} is not a valid SQLite connection string (\"Data Source=path\", or just the path).", exception);
            }
        }
        else
        {
            builder = new SqliteConnectionStringBuilder { DataSource = value };
        }

        var dataSource = builder.DataSource?.Trim() ?? string.Empty;
        if (dataSource.Length == 0 || builder.Mode == SqliteOpenMode.Memory || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"{SqliteOption} needs the inbox's database file (Data Source=path); in-memory databases and file: URIs are not supported.");
        }

        // Never create a file: the store opens with ReadWriteCreate, so the file must exist before it is handed over.
        builder.Mode = SqliteOpenMode.ReadWrite;
        var connectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        var readOnly = builder.ToString();
        return new InboxStoreOption(
            "sqlite",
            dataSource,
            inbox => inbox.UseSqlite(connectionString),
            cancellationToken => CheckSqliteAsync(dataSource, readOnly, cancellationToken));
    }

    /// <summary>
    /// Reads the schema version read-only. Any read through the store would create or migrate the schema first, so an
    /// unknown file (or a newer or older inbox) is refused here, before the store sees it.
    /// </summary>
    private static async Task CheckSqliteAsync(string dataSource, string readOnlyConnectionString, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataSource))
        {
            throw new WebhookInboxStoreException($"'{dataSource}' is a directory, not the inbox's database file.");
        }

        if (!File.Exists(dataSource))
        {
            throw new WebhookInboxStoreException($"There is no inbox database at '{dataSource}' (the file does not exist; the tool does not create one).");
        }

        long version;
        try
        {
            var connection = new SqliteConnection(readOnlyConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = "PRAGMA busy_timeout = 5000;";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'webhook_inbox_schema';";
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                    {
                        throw new WebhookInboxStoreException($"'{dataSource}' is an SQLite database but not a webhook inbox (it has no webhook_inbox_schema table).");
                    }

                    command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM webhook_inbox_schema;";
                    version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (SqliteException exception)
        {
            var reason = exception.SqliteErrorCode switch
            {
                5 or 6 => "the database is locked by another connection",
                11 or 26 => "the file is not an SQLite database or is corrupt",
                14 => "the file cannot be opened",
                _ => $"SQLite error {exception.SqliteErrorCode}",
            };
            throw new WebhookInboxStoreException($"The inbox database at '{dataSource}' cannot be read: {reason}.", exception);
        }
        catch (InvalidOperationException exception)
        {
            // For example a Password in the connection string, which needs an SQLite build with encryption.
            throw new WebhookInboxStoreException($"The inbox database at '{dataSource}' cannot be opened with the connection string given (is there a keyword this SQLite build does not support, such as Password?).", exception);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        if (version > SqliteSchemaVersion)
        {
            throw new WebhookInboxStoreException(string.Create(CultureInfo.InvariantCulture,
                $"The inbox database at '{dataSource}' has schema version {version}, newer than this tool reads ({SqliteSchemaVersion}). Update the tool (dotnet tool update) to the version of Classet.Boooply.Webhooks the app uses."));
        }

        if (version < SqliteSchemaVersion)
        {
            throw new WebhookInboxStoreException(string.Create(CultureInfo.InvariantCulture,
                $"The inbox database at '{dataSource}' has schema version {version}, older than this tool reads ({SqliteSchemaVersion}). The tool does not migrate it: start the app on the current package (it migrates at startup), or use the tool version that matches the app."));
        }
    }
}
