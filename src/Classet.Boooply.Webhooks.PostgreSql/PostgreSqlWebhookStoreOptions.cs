namespace Classet.Boooply.Webhooks.PostgreSql;

/// <summary>
/// Settings of the PostgreSQL stores: the webhook inbox (<c>services.AddWebhookInbox().UsePostgreSql(...)</c>) and the shared
/// deduplication store (<c>.UsePostgreSqlDeduplication(...)</c> on the vendor builders).
/// </summary>
public sealed class PostgreSqlWebhookStoreOptions
{
    /// <summary>The schema used unless <see cref="SchemaName"/> is set: <c>webhooks</c>.</summary>
    public const string DefaultSchemaName = "webhooks";

    /// <summary>
    /// Gets or sets the schema that holds the store's tables (<c>inbox</c>, <c>deduplication</c>, <c>schema_version</c>).
    /// Lowercase letters, digits and underscores, starting with a letter or underscore, at most 48 characters. Every
    /// instance that shares the inbox must use the same schema. Default <see cref="DefaultSchemaName"/>.
    /// </summary>
    public string SchemaName { get; set; } = DefaultSchemaName;

    /// <summary>
    /// Gets or sets whether the store creates its schema when the app starts (idempotently, under an advisory lock, so
    /// instances that start together do not race). Default <see langword="true"/>. Set it to <see langword="false"/>
    /// where the app's role may not run DDL: run the package's <c>sql/classet-boooply-webhooks-postgresql.sql</c> with psql
    /// instead; the store then only checks, at startup, that the schema is there and of a version it understands.
    /// </summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>
    /// Gets or sets whether enqueues send a PostgreSQL <c>NOTIFY</c> and each instance keeps one connection that
    /// <c>LISTEN</c>s, so that an idle dispatcher on any instance picks up a delivery at once rather than at its next poll.
    /// Default <see langword="true"/>. Without it, other instances find new entries by polling (<c>PollInterval</c>);
    /// the instance that received a delivery is always woken in-process. Turn it off behind a pooler in transaction mode
    /// (PgBouncer), where <c>LISTEN</c> does not work.
    /// </summary>
    public bool UseNotifications { get; set; } = true;
}
