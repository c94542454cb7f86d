using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// The inbox's instruments. Gauges report the last snapshot the dispatcher took (the store is asynchronous and gauge
/// callbacks are not), refreshed only while someone listens.
/// </summary>
internal sealed class WebhookInboxMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;
    private readonly TimeProvider _time;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _queueTime;
    private readonly ObservableGauge<long> _pending;
    private readonly ObservableGauge<double> _oldestAge;
    private readonly ObservableGauge<long> _entries;
    private volatile Snapshot? _snapshot;

    public WebhookInboxMetrics(IMeterFactory? meterFactory, TimeProvider time)
    {
        _time = time;
        Meter meter;
        if (meterFactory is not null)
        {
            meter = meterFactory.Create(WebhookInboxTelemetry.MeterName);
        }
        else
        {
            meter = _ownedMeter = new Meter(WebhookInboxTelemetry.MeterName);
        }

        _attempts = meter.CreateCounter<long>(
            WebhookInboxTelemetry.AttemptsInstrument, "{attempt}", "Inbox attempts to run a delivery's handlers, by vendor, event type and outcome.");
        _failures = meter.CreateCounter<long>(
            WebhookInboxTelemetry.FailuresInstrument, "{entry}", "Inbox entries given up on and kept as Failed, by vendor and event type.");
        _queueTime = meter.CreateHistogram<double>(
            WebhookInboxTelemetry.QueueTimeInstrument, "s", "Time from receiving a delivery to an attempt starting.");
        _pending = meter.CreateObservableGauge(
            WebhookInboxTelemetry.PendingInstrument, ObservePending, "{entry}", "Inbox entries waiting for a first attempt or a retry.");
        _oldestAge = meter.CreateObservableGauge(
            WebhookInboxTelemetry.OldestPendingAgeInstrument, ObserveOldestAge, "s", "How long ago the oldest pending inbox entry was received.");
        _entries = meter.CreateObservableGauge(
            WebhookInboxTelemetry.EntriesInstrument, ObserveEntries, "{entry}", "Inbox entries in each state.");
    }

    /// <summary>Whether any gauge has a listener, so a snapshot is worth taking.</summary>
    public bool GaugesEnabled => _pending.Enabled || _oldestAge.Enabled || _entries.Enabled;

    public void Update(IReadOnlyList<WebhookInboxBacklog> backlog, WebhookInboxStatistics statistics) =>
        _snapshot = new Snapshot(backlog, statistics);

    public void RecordAttempt(WebhookInboxEntry entry, string outcome)
    {
        if (_attempts.Enabled)
        {
            _attempts.Add(1, new TagList
            {
                { WebhookInboxTelemetry.VendorTag, entry.Vendor },
                { WebhookInboxTelemetry.EventTag, entry.EventType },
                { WebhookInboxTelemetry.OutcomeTag, outcome },
            });
        }
    }

    public void RecordFailure(WebhookInboxEntry entry)
    {
        if (_failures.Enabled)
        {
            _failures.Add(1, new TagList
            {
                { WebhookInboxTelemetry.VendorTag, entry.Vendor },
                { WebhookInboxTelemetry.EventTag, entry.EventType },
            });
        }
    }

    public void RecordQueueTime(WebhookInboxEntry entry, TimeSpan waited)
    {
        if (_queueTime.Enabled)
        {
            _queueTime.Record(Math.Max(0, waited.TotalSeconds), new TagList
            {
                { WebhookInboxTelemetry.VendorTag, entry.Vendor },
                { WebhookInboxTelemetry.EventTag, entry.EventType },
            });
        }
    }

    public void Dispose() => _ownedMeter?.Dispose();

    private IEnumerable<Measurement<long>> ObservePending()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var group in snapshot.Backlog)
        {
            yield return new Measurement<long>(group.Pending, Tags(group));
        }
    }

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        var now = _time.GetUtcNow();
        foreach (var group in snapshot.Backlog)
        {
            yield return new Measurement<double>(Math.Max(0, (now - group.OldestReceivedAt).TotalSeconds), Tags(group));
        }
    }

    private IEnumerable<Measurement<long>> ObserveEntries()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        var statistics = snapshot.Statistics;
        yield return new Measurement<long>(statistics.Pending, new KeyValuePair<string, object?>(WebhookInboxTelemetry.StateTag, "pending"));
        yield return new Measurement<long>(statistics.Processing, new KeyValuePair<string, object?>(WebhookInboxTelemetry.StateTag, "processing"));
        yield return new Measurement<long>(statistics.Completed, new KeyValuePair<string, object?>(WebhookInboxTelemetry.StateTag, "completed"));
        yield return new Measurement<long>(statistics.Failed, new KeyValuePair<string, object?>(WebhookInboxTelemetry.StateTag, "failed"));
    }

    private static KeyValuePair<string, object?>[] Tags(WebhookInboxBacklog group) =>
    [
        new(WebhookInboxTelemetry.VendorTag, group.Vendor),
        new(WebhookInboxTelemetry.EventTag, group.EventType),
    ];

    private sealed record Snapshot(IReadOnlyList<WebhookInboxBacklog> Backlog, WebhookInboxStatistics Statistics);
}
