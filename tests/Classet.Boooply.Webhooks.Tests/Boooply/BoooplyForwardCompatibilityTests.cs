using System.Text.Json;
using System.Text.Json.Nodes;
using Classet.Boooply.Webhooks.Boooply;

using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyForwardCompatibilityTests
{
    public static TheoryData<string> FixtureNames => new(BoooplyTestData.AllFixtures);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Deserialize_NewFieldsAtEveryLevel_KeptAndWrittenBack(string fixture)
    {
        var root = JsonNode.Parse(BoooplyTestData.FixtureText(fixture))!;
        var added = AddFieldToEveryObject(root);
        var json = root.ToJsonString();

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        added.Should().BeGreaterThan(1);
        JsonSemanticAssert.Equal(json, BoooplyWebhookSerializer.Serialize(webhookEvent));
        webhookEvent.MeetingCode.Should().Be("Boooply-AI-1234567890");
        webhookEvent.Should().NotBeOfType<BoooplyUnknownEvent>();
    }

    [Fact]
    public void Deserialize_NewFieldsInEvaluation_ReachableFromEveryRecord()
    {
        var root = JsonNode.Parse(BoooplyTestData.FixtureText(BoooplyTestData.Evaluation))!;
        AddFieldToEveryObject(root);

        var e = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(root.ToJsonString());
        var d = e.Data;

        ShouldHaveAddedField(e.ExtensionData);
        ShouldHaveAddedField(d.ExtensionData);
        ShouldHaveAddedField(d.Scores!.ExtensionData);
        ShouldHaveAddedField(d.RecruiterSummary!.ExtensionData);
        ShouldHaveAddedField(d.SkillsAssessment![0].ExtensionData);
        ShouldHaveAddedField(d.StrengthsAndWeaknesses!.ExtensionData);
        ShouldHaveAddedField(d.StrengthsAndWeaknesses.Strengths![0].ExtensionData);
        ShouldHaveAddedField(d.StrengthsAndWeaknesses.Weaknesses![0].ExtensionData);
        ShouldHaveAddedField(d.RedFlags![0].ExtensionData);
        ShouldHaveAddedField(d.PositiveSignals![0].ExtensionData);
        ShouldHaveAddedField(d.SentimentAnalysis!.ExtensionData);
        ShouldHaveAddedField(d.QuestionsAsked![0].ExtensionData);
        ShouldHaveAddedField(d.NextSteps!.ExtensionData);
        ShouldHaveAddedField(d.RatingsForRecruiters!.ExtensionData);
        d.Scores.TechnicalSkills.Should().Be(70);
    }

    [Fact]
    public void Deserialize_NewFieldsInTranscriptEntries_Kept()
    {
        var root = JsonNode.Parse(BoooplyTestData.FixtureText(BoooplyTestData.Transcript))!;
        AddFieldToEveryObject(root);

        var e = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(root.ToJsonString());

        ShouldHaveAddedField(e.Data.Transcript![0].ExtensionData);
        ShouldHaveAddedField(e.Data.Transcript[1].ExtensionData);
    }

    [Fact]
    public void Deserialize_NewEnumValues_KeptAsUnknownAndWrittenBack()
    {
        const string json = """{"event":"interview.evaluation","data":{"meetingCode":"m","meetingType":"HUMAN_PANEL","source":null,"sourceId":null,"sourcePlatform":null,"recommendation":"MAYBE","confidenceLevel":"VERY_HIGH","recruiterSummary":{"quickDecision":"ESCALATE"},"redFlags":[{"severity":"INFO"}],"sentimentAnalysis":{"enthusiasm":"EXTREME","authenticity":"REHEARSED","stressLevel":"NONE"}}}""";

        var d = ((BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(json)).Data;

        d.MeetingType!.Value.IsKnown.Should().BeFalse();
        d.MeetingType.Value.Value.Should().Be("HUMAN_PANEL");
        d.Recommendation!.Value.IsKnown.Should().BeFalse();
        d.Recommendation.Value.ToString().Should().Be("MAYBE");
        d.Recommendation.Should().Be((BoooplyRecommendation)"MAYBE");
        d.ConfidenceLevel!.Value.IsKnown.Should().BeFalse();
        d.RecruiterSummary!.QuickDecision!.Value.Value.Should().Be("ESCALATE");
        d.RedFlags![0].Severity!.Value.IsKnown.Should().BeFalse();
        d.SentimentAnalysis!.Enthusiasm!.Value.Value.Should().Be("EXTREME");
        d.SentimentAnalysis.Authenticity!.Value.Value.Should().Be("REHEARSED");
        d.SentimentAnalysis.StressLevel!.Value.IsKnown.Should().BeFalse();
        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(json)).Should().Be(json);
    }

    [Fact]
    public void Deserialize_NewRecordingFormat_Kept()
    {
        const string json = """{"event":"interview.recording","data":{"meetingCode":"m","source":null,"sourceId":null,"sourcePlatform":null,"format":"webm"}}""";

        var d = ((BoooplyRecordingEvent)BoooplyWebhookSerializer.Deserialize(json)).Data;

        d.Format!.Value.IsKnown.Should().BeFalse();
        d.Format.Value.Value.Should().Be("webm");
        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(json)).Should().Be(json);
    }

    [Fact]
    public void Deserialize_NewEvent_BecomesUnknownEventWithIdempotencyKey()
    {
        const string json = """{ "event": "interview.started", "data": { "meetingCode": "Boooply-AI-42", "source": "Acme Corp", "sourceId": "org_1", "sourcePlatform": "AI TalentFlow", "startedAt": 1, "timestamp": "2026-03-21T18:00:00.000Z" } }""";

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        var unknown = webhookEvent.Should().BeOfType<BoooplyUnknownEvent>().Subject;
        unknown.EventType.Should().Be("interview.started");
        unknown.MeetingCode.Should().Be("Boooply-AI-42");
        unknown.IdempotencyKey.Should().Be("Boooply-AI-42:interview.started");
        unknown.Source.Should().Be("Acme Corp");
        unknown.SourceId.Should().Be("org_1");
        unknown.SourcePlatform.Should().Be("AI TalentFlow");
        unknown.Timestamp.Should().Be(new DateTimeOffset(2026, 3, 21, 18, 0, 0, TimeSpan.Zero));
        unknown.RawJson.GetProperty("data").GetProperty("startedAt").GetInt32().Should().Be(1);
        BoooplyWebhookSerializer.Serialize(unknown).Should().Be(
            """{"event":"interview.started","data":{"meetingCode":"Boooply-AI-42","source":"Acme Corp","sourceId":"org_1","sourcePlatform":"AI TalentFlow","startedAt":1,"timestamp":"2026-03-21T18:00:00.000Z"}}""",
            "an unknown event is written back as received, compact like every serialized event");
    }

    [Fact]
    public void Deserialize_NewEventWithoutData_StillAccepted()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"account.updated","payload":[1,2]}""");

        var unknown = webhookEvent.Should().BeOfType<BoooplyUnknownEvent>().Subject;
        unknown.MeetingCode.Should().BeEmpty();
        unknown.IdempotencyKey.Should().Be(":account.updated");
    }

    [Fact]
    public void Deserialize_UnknownEvent_OwnsItsJsonAfterBufferIsReused()
    {
        var bytes = "{\"event\":\"interview.future\",\"data\":{\"meetingCode\":\"m\",\"x\":[1,2,3]}}"u8.ToArray();

        var unknown = (BoooplyUnknownEvent)BoooplyWebhookSerializer.Deserialize(bytes);
        Array.Fill(bytes, (byte)'#');

        unknown.RawJson.GetProperty("data").GetProperty("x")[2].GetInt32().Should().Be(3);
    }

    [Fact]
    public void Deserialize_HeaderStyleShortEventKey_IsUnknownNotGuessed()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"transcript","data":{"meetingCode":"m"}}""");

        webhookEvent.Should().BeOfType<BoooplyUnknownEvent>().Which.EventType.Should().Be("transcript");
    }

    private static int AddFieldToEveryObject(JsonNode node)
    {
        var count = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).Where(v => v is not null).ToList())
                {
                    count += AddFieldToEveryObject(child!);
                }

                obj["zzAddedLater"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, 3.25) };
                count++;
                break;
            case JsonArray array:
                foreach (var child in array.Where(v => v is not null).ToList())
                {
                    count += AddFieldToEveryObject(child!);
                }

                break;
        }

        return count;
    }

    private static void ShouldHaveAddedField(IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        extensionData.Should().NotBeNull().And.ContainKey("zzAddedLater");
        extensionData!["zzAddedLater"].GetProperty("nested")[3].GetDecimal().Should().Be(3.25m);
    }
}
