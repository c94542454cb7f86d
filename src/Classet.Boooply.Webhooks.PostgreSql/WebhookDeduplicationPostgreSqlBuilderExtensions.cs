using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.PostgreSql;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Deduplication shared by every instance of the app through PostgreSQL, for apps whose handlers run inside the request
/// (without the inbox): a vendor's retry that lands on another instance is still recognised. One line per vendor:
/// <code>
/// builder.Services.AddBoooplyWebhooks().AddHandler&lt;BoooplyEvaluationEvent, EvaluationHandler&gt;()
///     .AddPostgreSqlDeduplication(builder.Configuration.GetConnectionString("webhooks")!);
/// </code>
/// </summary>
/// <remarks>
/// A claim holds the key while the handlers run (copies get 409, so the vendor retries later); a processed key is kept for
/// <see cref="PostgreSqlWebhookDeduplicationOptions.RetentionPeriod"/>. If the database cannot be reached, the claim throws
/// and the receiver answers 500, so the vendor retries. The table is <c>deduplication</c> in the configured schema; the
/// inbox's script creates it too.
/// </remarks>
public static class WebhookDeduplicationPostgreSqlBuilderExtensions
{
    /// <summary>Turns on Classet deduplication shared through the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    /// <param name="builder">The Classet webhook builder.</param>
    /// <param name="connectionString">The Npgsql connection string; the store builds its own data source (and pool) from it.</param>
    /// <param name="configure">Adjusts the schema, the claim duration and the retention; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or a setting is out of range.</exception>
    public static ClassetWebhooksBuilder AddPostgreSqlDeduplication(this ClassetWebhooksBuilder builder, string connectionString, Action<PostgreSqlWebhookDeduplicationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDeduplication(Factory(connectionString, configure));
    }

    /// <summary>Turns on Classet deduplication shared through the database of <paramref name="dataSource"/> (which stays the app's).</summary>
    /// <param name="builder">The Classet webhook builder.</param>
    /// <param name="dataSource">The data source to take connections from; share one between both vendors and the inbox to share a pool.</param>
    /// <param name="configure">Adjusts the schema, the claim duration and the retention; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static ClassetWebhooksBuilder AddPostgreSqlDeduplication(this ClassetWebhooksBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlWebhookDeduplicationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDeduplication(Factory(dataSource, configure));
    }

    /// <summary>Turns on Boooply deduplication shared through the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    /// <param name="builder">The Boooply webhook builder.</param>
    /// <param name="connectionString">The Npgsql connection string; the store builds its own data source (and pool) from it.</param>
    /// <param name="configure">Adjusts the schema, the claim duration and the retention; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or a setting is out of range.</exception>
    public static BoooplyWebhooksBuilder AddPostgreSqlDeduplication(this BoooplyWebhooksBuilder builder, string connectionString, Action<PostgreSqlWebhookDeduplicationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDeduplication(Factory(connectionString, configure));
    }

    /// <summary>Turns on Boooply deduplication shared through the database of <paramref name="dataSource"/> (which stays the app's).</summary>
    /// <param name="builder">The Boooply webhook builder.</param>
    /// <param name="dataSource">The data source to take connections from; share one between both vendors and the inbox to share a pool.</param>
    /// <param name="configure">Adjusts the schema, the claim duration and the retention; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static BoooplyWebhooksBuilder AddPostgreSqlDeduplication(this BoooplyWebhooksBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlWebhookDeduplicationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDeduplication(Factory(dataSource, configure));
    }

    private static Func<IServiceProvider, IWebhookDeduplicationStore> Factory(string connectionString, Action<PostgreSqlWebhookDeduplicationOptions>? configure)
    {
        var options = PostgreSqlRegistration.Snapshot(configure);
        PostgreSqlRegistration.ValidateConnectionString(connectionString);
        return provider => PostgreSqlRegistration.CreateDeduplicationStore(
            NpgsqlDataSource.Create(connectionString), ownsDataSource: true, options, provider.GetService<TimeProvider>());
    }

    private static Func<IServiceProvider, IWebhookDeduplicationStore> Factory(NpgsqlDataSource dataSource, Action<PostgreSqlWebhookDeduplicationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = PostgreSqlRegistration.Snapshot(configure);
        return provider => PostgreSqlRegistration.CreateDeduplicationStore(dataSource, ownsDataSource: false, options, provider.GetService<TimeProvider>());
    }
}
