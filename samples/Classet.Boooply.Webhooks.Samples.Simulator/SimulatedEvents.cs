namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>The catalogue of every documented event of both vendors.</summary>
public static class SimulatedEvents
{
    /// <summary>Classet <c>candidate.interview.updated</c>.</summary>
    public static SimulatedEvent ClassetInterviewUpdated { get; } =
        new(WebhookVendor.Classet, "interview-updated", "candidate.interview.updated", "Payloads.classet-interview-updated.json");

    /// <summary>Classet <c>call_completed</c> (deprecated by Classet; recognised by its shape, it has no <c>event</c> property).</summary>
    public static SimulatedEvent ClassetCallCompleted { get; } =
        new(WebhookVendor.Classet, "call-completed", "call_completed", "Payloads.classet-call-completed.json");

    /// <summary>Boooply <c>interview.transcript</c>.</summary>
    public static SimulatedEvent BoooplyTranscript { get; } =
        new(WebhookVendor.Boooply, "transcript", "interview.transcript", "Payloads.boooply-transcript.json");

    /// <summary>Boooply <c>interview.evaluation</c>.</summary>
    public static SimulatedEvent BoooplyEvaluation { get; } =
        new(WebhookVendor.Boooply, "evaluation", "interview.evaluation", "Payloads.boooply-evaluation.json");

    /// <summary>Boooply <c>interview.scores</c>.</summary>
    public static SimulatedEvent BoooplyScores { get; } =
        new(WebhookVendor.Boooply, "scores", "interview.scores", "Payloads.boooply-scores.json");

    /// <summary>Boooply <c>interview.recording</c>.</summary>
    public static SimulatedEvent BoooplyRecording { get; } =
        new(WebhookVendor.Boooply, "recording", "interview.recording", "Payloads.boooply-recording.json");

    /// <summary>Gets every documented event, Classet first.</summary>
    public static IReadOnlyList<SimulatedEvent> All { get; } =
    [
        ClassetInterviewUpdated,
        ClassetCallCompleted,
        BoooplyTranscript,
        BoooplyEvaluation,
        BoooplyScores,
        BoooplyRecording,
    ];

    /// <summary>
    /// Finds an event by its short name (<c>evaluation</c>) or its wire name (<c>interview.evaluation</c>), ignoring case.
    /// </summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="name">The name given on the command line.</param>
    /// <returns>The event, or <see langword="null"/> when the vendor documents no such event.</returns>
    public static SimulatedEvent? Find(WebhookVendor vendor, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var candidate in All)
        {
            if (candidate.Vendor == vendor
                && (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(candidate.EventType, name, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return null;
    }
}
