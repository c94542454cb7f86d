namespace Classet.Boooply.Webhooks;

/// <summary>Settings of <see cref="InMemoryWebhookDeduplicationStore"/>.</summary>
public sealed class InMemoryWebhookDeduplicationStoreOptions
{
    /// <summary>
    /// Gets or sets how many keys are held at most, claims in flight and processed keys together. When it is reached,
    /// the key processed longest ago is forgotten; claims in flight never are. Default: 100,000.
    /// </summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets how long a processed key is remembered. Default: 24 hours, far longer than either vendor's retry
    /// schedule (Classet: 3 retries with exponential backoff; Boooply: 5 attempts in total, with backoff listed as 5 s, 10 s, 20 s,
    /// 40 s, 80 s).
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);
}
