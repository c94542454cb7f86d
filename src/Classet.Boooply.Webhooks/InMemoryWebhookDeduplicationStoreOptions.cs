namespace Classet.Boooply.Webhooks;

/// <summary>Settings of <see cref="InMemoryWebhookDeduplicationStore"/>.</summary>
public sealed class InMemoryWebhookDeduplicationStoreOptions
{
    /// <summary>Gets or sets how many keys are remembered at most; the oldest are forgotten first. Default: 100,000.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets how long a processed key is remembered. Default: 24 hours, far longer than either vendor's retry
    /// schedule (Classet: 3 retries with exponential backoff, delays not published; Boooply: 5 attempts with backoff listed as 5 s to 80 s, which we read as the last attempt within about 155 s of the first).
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets how long a claim lasts without being completed or released (for example because the process
    /// crashed mid-delivery) before the key can be claimed again. Default: 5 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
