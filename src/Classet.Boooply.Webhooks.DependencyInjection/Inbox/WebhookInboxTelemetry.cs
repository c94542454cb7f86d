namespace Classet.Boooply.Webhooks;

/// <summary>
/// Names of the metrics the durable webhook inbox emits, for <c>AddMeter(...)</c> in OpenTelemetry and for dashboards and
/// alerts. The meter is the one the endpoints use.
/// </summary>
public static class WebhookInboxTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Classet.Boooply.Webhooks</c>.</summary>
    public const string MeterName = "Classet.Boooply.Webhooks";

    /// <summary>A gauge of pending entries (waiting for a first attempt or a retry), tagged <see cref="VendorTag"/> and <see cref="EventTag"/>.</summary>
    public const string PendingInstrument = "classet_boooply.webhook.inbox.pending";

    /// <summary>A gauge of how long ago the oldest pending entry was received, in seconds, tagged <see cref="VendorTag"/> and <see cref="EventTag"/>.</summary>
    public const string OldestPendingAgeInstrument = "classet_boooply.webhook.inbox.oldest_pending.age";

    /// <summary>A gauge of the entries in each state, tagged <see cref="StateTag"/>.</summary>
    public const string EntriesInstrument = "classet_boooply.webhook.inbox.entries";

    /// <summary>
    /// A counter of attempts, tagged <see cref="VendorTag"/>, <see cref="EventTag"/> and <see cref="OutcomeTag"/>
    /// (<c>completed</c>, <c>failed</c>, <c>timed_out</c>, <c>lease_lost</c>, <c>interrupted</c>).
    /// </summary>
    public const string AttemptsInstrument = "classet_boooply.webhook.inbox.attempts";

    /// <summary>A counter of entries given up on (marked Failed after their last attempt, or unparseable), tagged <see cref="VendorTag"/> and <see cref="EventTag"/>.</summary>
    public const string FailuresInstrument = "classet_boooply.webhook.inbox.failures";

    /// <summary>
    /// A histogram of how long an entry waited between being received and an attempt starting, in seconds, tagged
    /// <see cref="VendorTag"/> and <see cref="EventTag"/>. On first attempts this is the pick-up latency.
    /// </summary>
    public const string QueueTimeInstrument = "classet_boooply.webhook.inbox.queue_time";

    /// <summary>The vendor tag: <c>classet</c> or <c>boooply</c>.</summary>
    public const string VendorTag = "webhook.vendor";

    /// <summary>The event type tag, as the vendor named it (empty for a dead letter).</summary>
    public const string EventTag = "webhook.event";

    /// <summary>The attempt outcome tag.</summary>
    public const string OutcomeTag = "webhook.outcome";

    /// <summary>The entry state tag: <c>pending</c>, <c>processing</c>, <c>completed</c> or <c>failed</c>.</summary>
    public const string StateTag = "webhook.inbox.state";
}
