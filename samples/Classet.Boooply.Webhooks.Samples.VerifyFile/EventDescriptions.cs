using System.Globalization;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Samples.VerifyFile;

/// <summary>Prints what a typed event carries: match on the concrete type, as an application would.</summary>
internal static class EventDescriptions
{
    public static void Write(ClassetWebhookEvent webhookEvent, TextWriter output)
    {
        output.WriteLine($"Event: {webhookEvent.GetType().Name} ({Display(webhookEvent.EventType)})");
        switch (webhookEvent)
        {
            case ClassetInterviewUpdatedEvent updated:
                output.WriteLine($"  candidate:    {updated.Data.CandidateId}");
                output.WriteLine($"  outcome:      {Text(updated.Data.InterviewOutcome?.Value)}");
                output.WriteLine($"  sent:         {Time(updated.Data.InterviewSentAt)}");
                output.WriteLine($"  completed:    {Time(updated.Data.InterviewCompletedAt)}");
                output.WriteLine($"  summary:      {Text(updated.Data.InterviewSummary)}");
                output.WriteLine($"  changed:      {string.Join(", ", updated.Changes.Keys)}");
                break;
#pragma warning disable CS0618 // Recognising the deprecated event is how you find out it still arrives.
            case ClassetCallCompletedEvent call:
                output.WriteLine($"  DEPRECATED:   Classet replaced call_completed with candidate.interview.updated; migrate.");
                output.WriteLine($"  candidate:    {Text(call.CandidateId)} ({Text(call.CandidatePhone)})");
                output.WriteLine($"  job:          {Text(call.JobTitle)} ({Text(call.JobId)})");
                output.WriteLine($"  call:         {Text(call.CallId)}, {Text(call.CallStatus?.Value)}, {call.CallDetails?.Duration?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "?"} s");
                output.WriteLine($"  sentiment:    {Text(call.CallDetails?.CallAnalysis?.UserSentiment?.Value)}");
                output.WriteLine($"  questions:    {call.Questions?.Count ?? 0}, transcript entries: {call.Transcript?.Count ?? 0}");
                break;
#pragma warning restore CS0618
            case ClassetUnknownEvent unknown:
                output.WriteLine($"  unknown to this SDK version; raw JSON kept ({unknown.RawJson.GetRawText().Length} characters)");
                break;
        }
    }

    public static void Write(BoooplyWebhookEvent webhookEvent, TextWriter output)
    {
        output.WriteLine($"Event: {webhookEvent.GetType().Name} ({Display(webhookEvent.EventType)})");
        output.WriteLine($"  meeting:      {webhookEvent.MeetingCode}");
        output.WriteLine($"  idempotency:  {webhookEvent.IdempotencyKey}");
        output.WriteLine($"  source:       {Text(webhookEvent.Source)} (id {Text(webhookEvent.SourceId)}, platform {Text(webhookEvent.SourcePlatform)})");
        output.WriteLine($"  timestamp:    {Time(webhookEvent.Timestamp)}");
        switch (webhookEvent)
        {
            case BoooplyTranscriptEvent transcript:
                output.WriteLine($"  candidate:    {Text(transcript.Data.CandidateName)} ({Text(transcript.Data.JobRole)})");
                foreach (var entry in transcript.Data.Transcript ?? [])
                {
                    output.WriteLine($"  [{entry.Start?.ToString(@"m\:ss", CultureInfo.InvariantCulture) ?? "?"}] {Text(entry.Speaker)}: {Text(entry.Text)}");
                }

                break;
            case BoooplyEvaluationEvent evaluation:
                output.WriteLine($"  candidate:    {Text(evaluation.Data.CandidateName)} ({Text(evaluation.Data.JobRole)})");
                output.WriteLine($"  recommend:    {Text(evaluation.Data.Recommendation?.Value)} ({Text(evaluation.Data.ConfidenceLevel?.Value)} confidence), rating {evaluation.Data.OverallRating}/5");
                output.WriteLine($"  scores:       {Scores(evaluation.Data.Scores)}");
                output.WriteLine($"  decision:     {Text(evaluation.Data.RecruiterSummary?.QuickDecision?.Value)}: {Text(evaluation.Data.RecruiterSummary?.Tldr)}");
                foreach (var flag in evaluation.Data.RedFlags ?? [])
                {
                    output.WriteLine($"  red flag:     {Text(flag.Severity?.Value)} {Text(flag.Flag)}");
                }

                break;
            case BoooplyScoresEvent scores:
                output.WriteLine($"  candidate:    {Text(scores.Data.CandidateName)} ({Text(scores.Data.JobRole)})");
                output.WriteLine($"  recommend:    {Text(scores.Data.Recommendation?.Value)}, rating {scores.Data.OverallRating}/5");
                output.WriteLine($"  scores:       {Scores(scores.Data.Scores)}");
                break;
            case BoooplyRecordingEvent recording:
                output.WriteLine($"  recording:    {Text(recording.Data.Format?.Value)}, {recording.Data.Duration?.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) ?? "?"}");
                output.WriteLine($"  stable URL:   {Text(recording.Data.VideoApiUrl)} (store this one; videoUrl expires after 7 days)");
                break;
            case BoooplyUnknownEvent unknown:
                output.WriteLine($"  unknown to this SDK version; raw JSON kept ({unknown.RawJson.GetRawText().Length} characters)");
                break;
        }
    }

    private static string Scores(BoooplyScores? scores) => scores is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"overall {scores.Overall}, communication {scores.Communication}, technical {scores.TechnicalSkills}, problem solving {scores.ProblemSolving}, culture fit {scores.CultureFit}, experience {scores.ExperienceMatch}");

    private static string Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "-";

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : value;

    private static string Display(string eventType) => eventType.Length == 0 ? "no event type" : eventType;
}
