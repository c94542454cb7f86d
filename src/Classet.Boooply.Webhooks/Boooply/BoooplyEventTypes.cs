namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// The <c>event</c> values Boooply documents. The dashboard uses the short key (<c>transcript</c>); the body and the
/// <c>X-Boooply-Event</c> header use these prefixed names.
/// </summary>
public static class BoooplyEventTypes
{
    /// <summary><c>interview.transcript</c>, parsed as <see cref="BoooplyTranscriptEvent"/>.</summary>
    public const string Transcript = "interview.transcript";

    /// <summary><c>interview.evaluation</c>, parsed as <see cref="BoooplyEvaluationEvent"/>.</summary>
    public const string Evaluation = "interview.evaluation";

    /// <summary><c>interview.scores</c>, parsed as <see cref="BoooplyScoresEvent"/>.</summary>
    public const string Scores = "interview.scores";

    /// <summary><c>interview.recording</c>, parsed as <see cref="BoooplyRecordingEvent"/>.</summary>
    public const string Recording = "interview.recording";
}
