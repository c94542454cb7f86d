namespace Classet.Boooply.Webhooks;

/// <summary>
/// Settings of the durable webhook inbox and its background dispatcher, bound from the configuration section
/// <c>Webhooks:Inbox</c> by <c>services.AddWebhookInbox(...)</c> and validated when the app starts.
/// </summary>
/// <remarks>
/// The defaults suit both vendors: the endpoint acknowledges as soon as a delivery is stored, so these times are about
/// your downstream systems, not about the vendors' 30-second answer window.
/// </remarks>
public sealed class WebhookInboxOptions
{
    /// <summary>The configuration section the options are bound from: <c>Webhooks:Inbox</c>.</summary>
    public const string ConfigurationSectionName = "Webhooks:Inbox";

    /// <summary>
    /// The retry schedule used while <see cref="RetryDelays"/> is empty: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 4 h (with the
    /// default 8 attempts, an entry is given up on about 6 hours after it arrived).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(4),
    ];

    /// <summary>
    /// Gets or sets how many attempts an entry gets before it is marked <see cref="WebhookInboxState.Failed"/> (kept, and
    /// replayable). An attempt whose process died counts. Default 8; between 1 and 1000.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Gets the waits before the 2nd, 3rd, … attempt: after attempt <c>n</c> fails, the next is due
    /// <c>RetryDelays[n - 1]</c> later (the last delay repeats when there are fewer delays than attempts), give or take
    /// <see cref="RetryJitter"/>. Empty (the default) means <see cref="DefaultRetryDelays"/>. In configuration:
    /// <c>"RetryDelays": [ "00:00:05", "00:01:00" ]</c>.
    /// </summary>
    /// <remarks>Empty by default because configuration binding adds to a list rather than replacing it.</remarks>
    public IList<TimeSpan> RetryDelays { get; } = new List<TimeSpan>();

    /// <summary>
    /// Gets or sets how much each retry delay is spread at random, as a fraction: 0.2 (the default) makes a 10-second delay
    /// anything from 8 to 12 seconds, so that entries that failed together do not all retry at the same instant. Between 0 and 1.
    /// </summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>
    /// Gets or sets how long a claimed entry stays reserved for its dispatcher. A running dispatcher renews the lease every
    /// third of this while the handlers run, however long they take; if its process dies, the entry is claimable again once
    /// the lease has passed. Shorter means a dead worker's entries are taken over sooner; longer tolerates longer stalls
    /// (a paused VM, a long garbage collection) without a second run. Default 1 minute; at least 1 second.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many entries' handlers may run at once in this process. A handler that ignores its cancellation
    /// token keeps its slot until it really stops. Default 8; between 1 and 1024.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Gets or sets how often the dispatcher looks for due entries when nothing woke it. Deliveries stored by this process
    /// wake it at once; polling picks up retries that fall due and entries stored by other instances. Default 2 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long a completed entry is kept, so that a copy of the delivery arriving later (a vendor retry, a
    /// manual resend) is recognised and answered 200 without running the handlers again. Purged after that. Default 7 days;
    /// must be at least 0. The bodies stay on disk for that long.
    /// </summary>
    public TimeSpan RetainCompletedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets how long one attempt's handlers may run. When it passes, their cancellation token is cancelled and the
    /// attempt counts as failed (even if the handlers then return without error). A handler that ignores the token keeps
    /// the entry's lease (renewed) and its concurrency slot until it really stops, and only then is the entry rescheduled,
    /// so it never runs twice at once. Default 5 minutes.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how long running handlers get to finish when the app stops (their token is cancelled at once). Entries
    /// whose handlers stop in time are put back, without counting the attempt; the others keep their lease, which expires,
    /// so another instance (or this one after a restart) takes them over. Default 10 seconds; at least 0. Keep it below the
    /// host's shutdown timeout (30 seconds by default).
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how often completed entries older than <see cref="RetainCompletedFor"/> are purged. Default 1 minute.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many completed entries one purge statement deletes, so that a purge never holds the store for long.
    /// Default 500; between 1 and 100000.
    /// </summary>
    public int PurgeBatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets when <c>WebhookInboxHealthCheck</c> reports Degraded: once the oldest pending entry was received longer
    /// ago than this. Default 5 minutes.
    /// </summary>
    public TimeSpan HealthDegradedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the retry delays in effect: <see cref="RetryDelays"/>, or <see cref="DefaultRetryDelays"/> when it is empty.</summary>
    /// <returns>The delays.</returns>
    public IReadOnlyList<TimeSpan> GetEffectiveRetryDelays() =>
        RetryDelays.Count == 0 ? DefaultRetryDelays : [.. RetryDelays];
}
