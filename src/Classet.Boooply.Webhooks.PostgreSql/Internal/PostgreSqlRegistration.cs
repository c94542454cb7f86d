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
}
