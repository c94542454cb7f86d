using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The receivers' instruments, created once per container from the host's <see cref="IMeterFactory"/> when it has one,
/// and shared by both vendors' receivers and dispatchers.
/// </summary>
internal sealed class WebhookReceiverMetrics
{
    private static readonly Meter FallbackMeter = new(WebhookTelemetry.Name);

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;

    public WebhookReceiverMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(WebhookTelemetry.Name) ?? FallbackMeter;
        _deliveries = meter.CreateCounter<long>(
            WebhookTelemetry.DeliveriesInstrument, "{delivery}", "Webhook deliveries received, by vendor, event type and outcome.");
        _handlerDuration = meter.CreateHistogram<double>(
            WebhookTelemetry.HandlerDurationInstrument, "s", "How long the handlers of one webhook delivery took.");
    }

    public static readonly ActivitySource ActivitySource = new(WebhookTelemetry.Name);

    /// <summary>Whether a listener records the handler-duration histogram (it may start or stop at any time).</summary>
    public bool HandlerDurationEnabled => _handlerDuration.Enabled;

    /// <summary>The <see cref="WebhookTelemetry.OutcomeTag"/> value of an outcome; constants, so tagging allocates nothing.</summary>
    public static string OutcomeName(WebhookReceiveOutcome outcome) => outcome switch
    {
        WebhookReceiveOutcome.Handled => "handled",
        WebhookReceiveOutcome.UnknownEvent => "unknown_event",
        WebhookReceiveOutcome.Duplicate => "duplicate",
        WebhookReceiveOutcome.InProgress => "in_progress",
        WebhookReceiveOutcome.Unauthorized => "unauthorized",
        WebhookReceiveOutcome.TooLarge => "too_large",
        WebhookReceiveOutcome.InvalidPayload => "invalid_payload",
        WebhookReceiveOutcome.HandlerFailed => "handler_failed",
        WebhookReceiveOutcome.HandlerTimeout => "handler_timeout",
        WebhookReceiveOutcome.DeadLetterFailed => "dead_letter_failed",
        WebhookReceiveOutcome.Aborted => "aborted",
        WebhookReceiveOutcome.BadRequest => "bad_request",
        WebhookReceiveOutcome.ConfigurationError => "configuration_error",
        WebhookReceiveOutcome.Stored => "stored",
        WebhookReceiveOutcome.StoreUnavailable => "store_unavailable",
        _ => "error",
    };

    public void RecordDelivery(string vendor, string? eventType, WebhookReceiveOutcome outcome)
    {
        if (!_deliveries.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { WebhookTelemetry.VendorTag, vendor },
            { WebhookTelemetry.OutcomeTag, OutcomeName(outcome) },
        };
        if (eventType is not null)
        {
            tags.Add(WebhookTelemetry.EventTag, eventType);
        }

        _deliveries.Add(1, tags);
    }

    public void RecordHandlerDuration(string vendor, string eventType, WebhookReceiveOutcome outcome, TimeSpan elapsed)
    {
        if (!_handlerDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { WebhookTelemetry.VendorTag, vendor },
            { WebhookTelemetry.EventTag, eventType },
            { WebhookTelemetry.OutcomeTag, OutcomeName(outcome) },
        };
        _handlerDuration.Record(elapsed.TotalSeconds, tags);
    }
}
