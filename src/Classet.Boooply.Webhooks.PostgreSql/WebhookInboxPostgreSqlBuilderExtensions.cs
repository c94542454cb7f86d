using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.PostgreSql;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the durable webhook inbox on a PostgreSQL database that several instances of the app share.</summary>
public static class WebhookInboxPostgreSqlBuilderExtensions
{
    /// <summary>
    /// Keeps the inbox in the PostgreSQL database <paramref name="connectionString"/> names (an Npgsql connection string,
    /// for example <c>"Host=db;Database=app;Username=app;Password=..."</c>). Every instance of the app that uses the same
    /// database and schema shares one inbox: a delivery is stored once whichever instance received it, and any instance's
    /// dispatcher may run it. The schema is created when the app starts unless
    /// <see cref="PostgreSqlWebhookStoreOptions.CreateSchema"/> is off. PostgreSQL 13 or later.
    /// </summary>
    /// <param name="builder">The inbox builder from <c>services.AddWebhookInbox(...)</c>.</param>
    /// <param name="connectionString">The Npgsql connection string. The store builds its own data source (and pool) from it and disposes it with the container.</param>
    /// <param name="configure">Adjusts the schema name, automatic schema creation and notifications; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or invalid, or the schema name is not allowed (checked here, so the mistake shows at startup).</exception>
    public static WebhookInboxBuilder UsePostgreSql(this WebhookInboxBuilder builder, string connectionString, Action<PostgreSqlWebhookStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = PostgreSqlRegistration.Snapshot(configure);
        PostgreSqlRegistration.ValidateConnectionString(connectionString);
        return builder.UseStore(provider => PostgreSqlRegistration.CreateInboxStore(
            NpgsqlDataSource.Create(connectionString), ownsDataSource: true, options, provider.GetService<ILoggerFactory>()));
    }

    /// <summary>
    /// Keeps the inbox in the PostgreSQL database of <paramref name="dataSource"/>, for an app that builds its own data
    /// source (pool settings, authentication callbacks, logging). The data source stays the app's: the store never disposes it.
    /// See <see cref="UsePostgreSql(WebhookInboxBuilder, string, Action{PostgreSqlWebhookStoreOptions}?)"/>.
    /// </summary>
    /// <param name="builder">The inbox builder from <c>services.AddWebhookInbox(...)</c>.</param>
    /// <param name="dataSource">The data source to take connections from.</param>
    /// <param name="configure">Adjusts the schema name, automatic schema creation and notifications; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema name is not allowed.</exception>
    public static WebhookInboxBuilder UsePostgreSql(this WebhookInboxBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlWebhookStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = PostgreSqlRegistration.Snapshot(configure);
        return builder.UseStore(provider => PostgreSqlRegistration.CreateInboxStore(
            dataSource, ownsDataSource: false, options, provider.GetService<ILoggerFactory>()));
    }
}
