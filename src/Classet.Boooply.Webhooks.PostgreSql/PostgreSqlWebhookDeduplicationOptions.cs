namespace Classet.Boooply.Webhooks.PostgreSql;

/// <summary>
/// Settings of the shared PostgreSQL deduplication store (<c>AddClassetWebhooks().AddPostgreSqlDeduplication(...)</c>, and
/// the same on <c>AddBoooplyWebhooks()</c>): for apps whose handlers run inside the request, on several instances.
/// </summary>
public sealed class PostgreSqlWebhookDeduplicationOptions
{
    /// <summary>
    /// Gets or sets the schema that holds the <c>deduplication</c> table; the rules of
    /// <see cref="PostgreSqlWebhookStoreOptions.SchemaName"/> apply. Default <see cref="PostgreSqlWebhookStoreOptions.DefaultSchemaName"/>.
    /// </summary>
    public string SchemaName { get; set; } = PostgreSqlWebhookStoreOptions.DefaultSchemaName;

    /// <summary>Gets or sets whether the schema is created when first needed; see <see cref="PostgreSqlWebhookStoreOptions.CreateSchema"/>. Default <see langword="true"/>.</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a claim holds a delivery key while its handlers run. A copy arriving meanwhile, on any
    /// instance, is answered 409 so the vendor retries later; if the instance dies, the key is claimable again once this
    /// has passed. Keep it longer than the longest your handlers may run, <c>HandlerTimeout</c> included. Default 10
    /// minutes; between 1 second and 1 day.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how long a processed key is remembered, so that a vendor's retry or a manual resend is answered 200
    /// without running the handlers again. Default 24 hours; between 1 minute and 365 days. Expired keys are deleted in
    /// small batches as the store is used.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);
}
