namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// Names of what the webhook receivers (and so the ASP.NET Core endpoints built on them) emit, for
/// <c>AddMeter(...)</c> / <c>AddSource(...)</c> in OpenTelemetry and for dashboards and alerts.
/// </summary>
public static class WebhookTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> and of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string Name = "Classet.Boooply.Webhooks";

    /// <summary>
    /// A counter of deliveries, tagged <see cref="VendorTag"/>, <see cref="EventTag"/> and <see cref="OutcomeTag"/>.
    /// </summary>
    public const string DeliveriesInstrument = "classet_boooply.webhook.deliveries";

    /// <summary>A histogram of how long the handlers of one delivery took, in seconds, tagged like the deliveries counter.</summary>
    public const string HandlerDurationInstrument = "classet_boooply.webhook.handler.duration";

    /// <summary>The vendor tag: <c>classet</c> or <c>boooply</c>.</summary>
    public const string VendorTag = "webhook.vendor";

    /// <summary>The event type tag, as the vendor named it; absent until the body is verified and parsed.</summary>
    public const string EventTag = "webhook.event";

    /// <summary>
    /// The outcome tag: a <see cref="WebhookReceiveOutcome"/> in snake case: <c>handled</c>, <c>unknown_event</c>,
    /// <c>duplicate</c>, <c>in_progress</c>, <c>unauthorized</c>, <c>too_large</c>, <c>invalid_payload</c>,
    /// <c>handler_failed</c>, <c>handler_timeout</c>, <c>dead_letter_failed</c>, <c>aborted</c>, <c>bad_request</c>,
    /// <c>configuration_error</c>, <c>error</c> (a failure outside the handlers, such as a deduplication store that is
    /// down), <c>stored</c> or <c>store_unavailable</c>.
    /// </summary>
    public const string OutcomeTag = "webhook.outcome";
}
