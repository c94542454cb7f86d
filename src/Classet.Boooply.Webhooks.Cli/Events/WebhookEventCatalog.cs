using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Events;

/// <summary>Every event the tool can send, built with the Testing package's builders from the vendors' documented examples.</summary>
public static class WebhookEventCatalog
{
    private const string FutureClassetEvent = "candidate.interview.scheduled";
    private const string FutureBoooplyEvent = "interview.highlights";

    /// <summary>Gets every event, Classet first, documented events before the test bodies.</summary>
    public static IReadOnlyList<WebhookCatalogEvent> All { get; } =
    [
        new(WebhookVendorNames.Classet, "interview-updated", ClassetEventTypes.InterviewUpdated, true, "an interview's details changed",
            secret => ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), secret)),
#pragma warning disable CS0618 // Classet still sends the deprecated event, so the tool still sends it.
        new(WebhookVendorNames.Classet, "call-completed", ClassetEventTypes.CallCompleted, true, "a screening call ended (deprecated by Classet; no event property)",
            secret => ClassetTestDeliveries.Create(ClassetTestEvents.CallCompleted(), secret)),
#pragma warning restore CS0618
        new(WebhookVendorNames.Classet, "unknown", FutureClassetEvent, false, "an event type this SDK does not know (answered 200, raw JSON kept)",
            secret => ClassetTestDeliveries.Create(ClassetTestEvents.Unknown(FutureClassetEvent), secret)),
        new(WebhookVendorNames.Classet, "malformed", "(malformed)", false, "a signed body that is not JSON (answered 400, dead-lettered)",
            secret => ClassetTestDeliveries.Create(ClassetTestEvents.MalformedBody(), secret)),
        new(WebhookVendorNames.Boooply, "transcript", BoooplyEventTypes.Transcript, true, "the interview's transcript",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.Transcript(), secret)),
        new(WebhookVendorNames.Boooply, "evaluation", BoooplyEventTypes.Evaluation, true, "the AI's evaluation",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), secret)),
        new(WebhookVendorNames.Boooply, "scores", BoooplyEventTypes.Scores, true, "the score breakdown",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), secret)),
        new(WebhookVendorNames.Boooply, "recording", BoooplyEventTypes.Recording, true, "the recording's download URLs",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.Recording(), secret)),
        new(WebhookVendorNames.Boooply, "unknown", FutureBoooplyEvent, false, "an event type this SDK does not know (answered 200, raw JSON kept)",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.Unknown(FutureBoooplyEvent), secret)),
        new(WebhookVendorNames.Boooply, "malformed", "(malformed)", false, "a signed body that is not JSON (answered 400, dead-lettered)",
            secret => BoooplyTestDeliveries.Create(BoooplyTestEvents.MalformedBody(), secret)),
    ];

    /// <summary>Gets the events the vendors document: what a receiver must handle.</summary>
    public static IReadOnlyList<WebhookCatalogEvent> Documented { get; } = [.. All.Where(e => e.Documented)];

    /// <summary>Finds an event by its short name (<c>evaluation</c>) or its wire name (<c>interview.evaluation</c>), ignoring case.</summary>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="name">The name given on the command line.</param>
    /// <returns>The event, or <see langword="null"/> when there is no such event for the vendor.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static WebhookCatalogEvent? Find(string vendor, string name)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(e => string.Equals(e.Vendor, vendor, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(e.EventType, name, StringComparison.OrdinalIgnoreCase)));
    }
}
