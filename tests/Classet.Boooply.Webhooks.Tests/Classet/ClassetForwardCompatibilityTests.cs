using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

// The deprecated event is still delivered; these tests check that additions to it are kept.
#pragma warning disable CS0618

using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>What Classet may add later (fields at every level, enum values, events) is kept and written back.</summary>
public sealed class ClassetForwardCompatibilityTests
{
    internal const string InterviewWithEverythingNew = """
        {
          "api_version": "2026-01-01",
          "event": "candidate.interview.updated",
          "delivery": {"attempt": 2, "id": "d_1"},
          "changes": {
            "interview_outcome": {"from": "qualified", "to": "hired_by_ai", "changed_by": "recruiter_7"},
            "interview_score": {"from": 3.5, "to": [1, 2, {"x": null}]}
          },
          "data": {
            "candidate_id": "cand_1",
            "interview_completed_at": "2025-04-15T16:00:00.123+02:00",
            "interview_sent_at": "2025-04-14T12:00:00Z",
            "interview_outcome": "hired_by_ai",
            "interview_summary": "Résumé ✓ 漢字 😀",
            "interview_custom_data": {"nested": {"deep": [true, false, null, 1e400]}},
            "interview_language": "fr",
            "interview_score": 97.25
          }
        }
        """;

    private const string CallWithEverythingNew = """
        {
          "candidate_id": "1", "candidate_phone": "+1", "job_id": "2", "job_title": "t",
          "call_status": "call_transferred",
          "call_direction": "outbound",
          "transcript": [{"role": "agent", "content": "Hi", "words": [{"start": 0.1, "end": 0.2, "word": "Hi", "confidence": 0.98}], "tool_calls": []}],
          "questions": [{"question": "q", "answer": "a", "answer_type": "boolean"}],
          "call_details": {
            "duration": 12.5, "start_time": 1737073800.25, "end_time": 1737073812.75, "e2e_latency": 95.5,
            "disconnection_reason": "user_hangup",
            "call_analysis": {
              "call_summary": "s", "user_sentiment": "Mixed", "agent_sentiment": "Neutral",
              "call_completion_rating": "Partial", "agent_task_completion_rating": "Unknown",
              "call_completion_rating_reason": "r1", "agent_task_completion_rating_reason": "r2",
              "custom_analysis_data": {"x": 1}
            },
            "org_phone_number": "+2"
          },
          "call_id": "c", "recording_url": "https://example.com/r.mp3",
          "public_log_url": "https://example.com/log"
        }
        """;

    [Fact]
    public void Deserialize_NewFieldsAtEveryLevelOfInterviewUpdated_KeepsThemAndRoundTrips()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(InterviewWithEverythingNew);

        webhookEvent.ExtensionData!.Keys.Should().BeEquivalentTo("api_version", "delivery");
        webhookEvent.Changes["interview_outcome"].ExtensionData!["changed_by"].GetString().Should().Be("recruiter_7");
        webhookEvent.Data.ExtensionData!.Keys.Should().BeEquivalentTo("interview_language", "interview_score");
        webhookEvent.Data.ExtensionData["interview_score"].GetDouble().Should().Be(97.25);
        JsonSemanticAssert.Equal(InterviewWithEverythingNew, ClassetWebhookSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void Deserialize_NewOutcomeValue_IsKeptAsUnknownValue()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(InterviewWithEverythingNew);

        webhookEvent.Data.InterviewOutcome!.Value.Value.Should().Be("hired_by_ai");
        webhookEvent.Data.InterviewOutcome.Value.IsKnown.Should().BeFalse();
        webhookEvent.GetOutcomeChange()!.Value.From.Should().Be(ClassetInterviewOutcome.Qualified);
        webhookEvent.GetOutcomeChange()!.Value.To.Should().Be(new ClassetInterviewOutcome("hired_by_ai"));
    }

    [Fact]
    public void Deserialize_TimestampWithOffsetAndFraction_KeepsTheInstant()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(InterviewWithEverythingNew);

        webhookEvent.Data.InterviewCompletedAt.Should().Be(new DateTimeOffset(2025, 4, 15, 16, 0, 0, 123, TimeSpan.FromHours(2)));
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Contain("\"2025-04-15T16:00:00.123+02:00\"");
    }

    [Fact]
    public void Deserialize_NewFieldsAndValuesInCallCompleted_KeepsThemAndRoundTrips()
    {
        var webhookEvent = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(CallWithEverythingNew);

        webhookEvent.CallStatus!.Value.IsKnown.Should().BeFalse();
        webhookEvent.CallStatus.Value.Value.Should().Be("call_transferred");
        webhookEvent.ExtensionData!.Keys.Should().BeEquivalentTo("call_direction", "public_log_url");
        webhookEvent.Transcript![0].ExtensionData!.Keys.Should().BeEquivalentTo("tool_calls");
        webhookEvent.Transcript[0].Words![0].ExtensionData!["confidence"].GetDouble().Should().Be(0.98);
        webhookEvent.Questions![0].ExtensionData!.Keys.Should().BeEquivalentTo("answer_type");
        webhookEvent.CallDetails!.ExtensionData!.Keys.Should().BeEquivalentTo("disconnection_reason");
        webhookEvent.CallDetails.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1737073800), "a fraction of a Unix second is read to the nearest whole second");
        var analysis = webhookEvent.CallDetails.CallAnalysis!;
        analysis.ExtensionData!.Keys.Should().BeEquivalentTo("custom_analysis_data");
        analysis.UserSentiment!.Value.IsKnown.Should().BeFalse();
        analysis.CallCompletionRating!.Value.Value.Should().Be("Partial");
        analysis.CallCompletionRating.Value.IsKnown.Should().BeFalse("Classet's page shows only Complete");
        analysis.AgentTaskCompletionRating!.Value.IsKnown.Should().BeFalse();
        JsonSemanticAssert.Equal(CallWithEverythingNew, ClassetWebhookSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void Deserialize_CallCompletedWithMissingFields_KeepsWhatIsThereAndWritesNothingElse()
    {
        const string json = """{"call_details":{"call_analysis":{}},"call_id":"c"}""";

        var webhookEvent = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(json);

        webhookEvent.CandidateId.Should().BeNull();
        webhookEvent.Transcript.Should().BeNull();
        webhookEvent.CallDetails!.StartedAt.Should().BeNull();
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(json);
    }

    [Theory]
    [InlineData("candidate.interview.created")]
    [InlineData("candidate.interview.updated.v2")]
    [InlineData("CANDIDATE.INTERVIEW.UPDATED")]
    [InlineData("")]
    public void Deserialize_NewEventType_IsUnknownEventWithWholeBody(string eventType)
    {
        var json = $$"""{"event":"{{eventType}}","data":{"candidate_id":"c","anything":[1,{"a":null}]},"x":1e400}""";

        var unknown = ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetUnknownEvent>().Subject;

        unknown.EventType.Should().Be(eventType);
        unknown.RawJson.GetProperty("data").GetProperty("anything").GetArrayLength().Should().Be(2);
        ClassetWebhookSerializer.Serialize(unknown).Should().Be(json);
    }

    [Fact]
    public void Serialize_PrettyUnknownEvent_WritesSameJsonCompactly()
    {
        const string json = "{\n  \"event\": \"x.y\",\n  \"data\": { \"a\": [1, 2] }\n}";

        var serialized = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(json));

        serialized.Should().Be("""{"event":"x.y","data":{"a":[1,2]}}""");
    }

    [Fact]
    public void Deserialize_ChangedFieldClassetAddsLater_IsReadableThroughTryGetChange()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(InterviewWithEverythingNew);

        webhookEvent.Changes["interview_score"].From.GetDouble().Should().Be(3.5);
        webhookEvent.Changes["interview_score"].To.ValueKind.Should().Be(JsonValueKind.Array);
        webhookEvent.TryGetChange("interview_score", ClassetTestJsonContext.Default.Int32, out _).Should().BeFalse();
    }
}
