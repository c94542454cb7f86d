using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>The endpoint's instruments, created from the host's <see cref="IMeterFactory"/> when it has one.</summary>
internal sealed class WebhookEndpointMetrics
{
    private static readonly Meter FallbackMeter = new(WebhookEndpointTelemetry.Name);

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;

    public WebhookEndpointMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(WebhookEndpointTelemetry.Name) ?? FallbackMeter;
        _deliveries = meter.CreateCounter<long>(
            WebhookEndpointTelemetry.DeliveriesInstrument, "{delivery}", "Webhook deliveries received, by vendor, event type and outcome.");
        _handlerDuration = meter.CreateHistogram<double>(
            WebhookEndpointTelemetry.HandlerDurationInstrument, "s", "How long the handlers of one webhook delivery took.");
    }

    public static readonly ActivitySource ActivitySource = new(WebhookEndpointTelemetry.Name);

    /// <summary>Whether a listener records the handler-duration histogram (it may start or stop at any time).</summary>
    public bool HandlerDurationEnabled => _handlerDuration.Enabled;

    public void RecordDelivery(string vendor, string? eventType, string outcome)
    {
        if (!_deliveries.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { WebhookEndpointTelemetry.VendorTag, vendor },
            { WebhookEndpointTelemetry.OutcomeTag, outcome },
        };
        if (eventType is not null)
        {
            tags.Add(WebhookEndpointTelemetry.EventTag, eventType);
        }

        _deliveries.Add(1, tags);
    }

    public void RecordHandlerDuration(string vendor, string eventType, string outcome, TimeSpan elapsed)
    {
        if (!_handlerDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { WebhookEndpointTelemetry.VendorTag, vendor },
            { WebhookEndpointTelemetry.EventTag, eventType },
            { WebhookEndpointTelemetry.OutcomeTag, outcome },
        };
        _handlerDuration.Record(elapsed.TotalSeconds, tags);
    }
}
