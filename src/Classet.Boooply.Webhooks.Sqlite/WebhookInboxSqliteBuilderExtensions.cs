using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the durable webhook inbox on an embedded SQLite file.</summary>
public static class WebhookInboxSqliteBuilderExtensions
{
    /// <summary>
    /// Keeps the inbox in the SQLite database <paramref name="connectionString"/> names, for example
    /// <c>"Data Source=/var/lib/myapp/webhooks-inbox.db"</c>. The schema is created (or migrated) when the app starts. One
    /// file per app instance; for several instances sharing an inbox, use <c>UsePostgreSql</c>.
    /// </summary>
    /// <param name="builder">The inbox builder from <c>services.AddWebhookInbox(...)</c>.</param>
    /// <param name="connectionString">The SQLite connection string; its directory must exist.</param>
    /// <param name="configure">Adjusts the other settings (durability, busy timeout, batch size); optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="connectionString"/> is empty or not a valid SQLite connection string, or names an in-memory or
    /// read-only database (checked here, so the mistake shows at startup).
    /// </exception>
    public static WebhookInboxBuilder UseSqlite(this WebhookInboxBuilder builder, string connectionString, Action<SqliteWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connectionString);
        var options = new SqliteWebhookInboxOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        return UseSqlite(builder, options);
    }

    /// <summary>Keeps the inbox in a SQLite database, with every setting given.</summary>
    /// <param name="builder">The inbox builder from <c>services.AddWebhookInbox(...)</c>.</param>
    /// <param name="options">The settings; read once, here.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only, or a setting is out of range.</exception>
    public static WebhookInboxBuilder UseSqlite(this WebhookInboxBuilder builder, SqliteWebhookInboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = new SqliteWebhookInboxOptions
        {
            ConnectionString = options.ConnectionString,
            Durability = options.Durability,
            BusyTimeout = options.BusyTimeout,
            MaxBatchSize = options.MaxBatchSize,
        };

        // Validates now, so a bad connection string fails at registration rather than on the first delivery.
        _ = new SqliteInboxConnectionFactory(snapshot);
        return builder.UseStore(_ => new SqliteWebhookInboxStore(snapshot));
    }
}
