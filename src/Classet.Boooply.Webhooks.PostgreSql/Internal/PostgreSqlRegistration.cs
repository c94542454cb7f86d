using Microsoft.Extensions.Logging;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>What the public <c>UsePostgreSql...</c> methods share: checking settings early and building the stores.</summary>
internal static class PostgreSqlRegistration
{
    public static PostgreSqlWebhookStoreOptions Snapshot(Action<PostgreSqlWebhookStoreOptions>? configure)
    {
        var configured = new PostgreSqlWebhookStoreOptions();
        configure?.Invoke(configured);
        if (!PostgreSqlSchema.IsValidName(configured.SchemaName))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name '{configured.SchemaName}' is not allowed: use lowercase letters, digits and underscores, starting with a letter or underscore, at most 48 characters.",
                nameof(configure));
        }

        return new PostgreSqlWebhookStoreOptions
        {
            SchemaName = configured.SchemaName,
            CreateSchema = configured.CreateSchema,
            UseNotifications = configured.UseNotifications,
        };
    }

    public static void ValidateConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            // Npgsql's message may quote the string, password included: say only what is wrong in general.
            throw new ArgumentException("The PostgreSQL connection string is not a valid Npgsql connection string.", nameof(connectionString));
        }
    }

    public static PostgreSqlWebhookInboxStore CreateInboxStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlWebhookStoreOptions options, ILoggerFactory? loggerFactory)
    {
        var database = new PostgreSqlDatabase(dataSource, ownsDataSource, options);
        var listener = options.UseNotifications ? new PostgreSqlNotificationListener(dataSource, database.Channel, loggerFactory) : null;
        return new PostgreSqlWebhookInboxStore(database, listener);
    }

    public static PostgreSqlWebhookDeduplicationOptions Snapshot(Action<PostgreSqlWebhookDeduplicationOptions>? configure)
    {
        var configured = new PostgreSqlWebhookDeduplicationOptions();
        configure?.Invoke(configured);
        if (!PostgreSqlSchema.IsValidName(configured.SchemaName))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name '{configured.SchemaName}' is not allowed: use lowercase letters, digits and underscores, starting with a letter or underscore, at most 48 characters.",
                nameof(configure));
        }

        if (configured.ClaimDuration < TimeSpan.FromSeconds(1) || configured.ClaimDuration > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(configure), configured.ClaimDuration, "ClaimDuration must be between 1 second and 1 day.");
        }

        if (configured.RetentionPeriod < TimeSpan.FromMinutes(1) || configured.RetentionPeriod > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(nameof(configure), configured.RetentionPeriod, "RetentionPeriod must be between 1 minute and 365 days.");
        }

        return new PostgreSqlWebhookDeduplicationOptions
        {
            SchemaName = configured.SchemaName,
            CreateSchema = configured.CreateSchema,
            ClaimDuration = configured.ClaimDuration,
            RetentionPeriod = configured.RetentionPeriod,
        };
    }

    public static PostgreSqlWebhookDeduplicationStore CreateDeduplicationStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlWebhookDeduplicationOptions options, TimeProvider? time)
    {
        var database = new PostgreSqlDatabase(
            dataSource,
            ownsDataSource,
            new PostgreSqlWebhookStoreOptions { SchemaName = options.SchemaName, CreateSchema = options.CreateSchema, UseNotifications = false });
        return new PostgreSqlWebhookDeduplicationStore(database, options, time ?? TimeProvider.System);
    }
}
