using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Classet;

public sealed class ClassetInterviewUpdatedEventTests
{
    private static ClassetInterviewUpdatedEvent Parse(string changes, string data = "\"candidate_id\":\"c\"") =>
        (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(
            "{\"event\":\"candidate.interview.updated\",\"changes\":{" + changes + "},\"data\":{" + data + "}}");

    [Theory]
    [InlineData("")]
    [InlineData("\"interview_outcome\":\"qualified\"")]
    [InlineData("\"candidate_id\":null,\"interview_outcome\":null")]
    public void Deserialize_DataWithoutCandidateId_Parses(string data)
    {
        // Classet's field list does not name candidate_id; only its example shows it. So, like every data field, it is optional.
        var webhookEvent = Parse(string.Empty, data);

        webhookEvent.Data.CandidateId.Should().BeNull();
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(
            "{\"event\":\"candidate.interview.updated\",\"changes\":{},\"data\":{" + data + "}}");
    }

    [Fact]
    public void EventType_IsTheDocumentedEventName()
    {
        Parse(string.Empty).EventType.Should().Be("candidate.interview.updated").And.Be(ClassetEventTypes.InterviewUpdated);
    }

    [Fact]
    public void GetOutcomeChange_FromOneOutcomeToAnother_ReturnsBoth()
    {
        var change = Parse("\"interview_outcome\":{\"from\":\"qualified\",\"to\":\"unqualified\"}").GetOutcomeChange();

        change.Should().Be(new ClassetChange<ClassetInterviewOutcome?>(ClassetInterviewOutcome.Qualified, ClassetInterviewOutcome.Unqualified));
    }

    [Fact]
    public void GetOutcomeChange_MissingFromAndTo_ReturnsNulls()
    {
        var change = Parse("\"interview_outcome\":{}").GetOutcomeChange();

        change.Should().Be(new ClassetChange<ClassetInterviewOutcome?>(null, null));
    }

    [Fact]
    public void GetOutcomeChange_OutcomeNotChanged_ReturnsNull()
    {
        Parse("\"interview_summary\":{\"from\":null,\"to\":\"s\"}").GetOutcomeChange().Should().BeNull();
    }

    [Fact]
    public void GetInterviewSentAtChange_Timestamps_ReturnsInstants()
    {
        var change = Parse("\"interview_sent_at\":{\"from\":\"2025-04-14T12:00:00Z\",\"to\":\"2025-04-15T09:30:00-05:00\"}").GetInterviewSentAtChange();

        change!.Value.From.Should().Be(new DateTimeOffset(2025, 4, 14, 12, 0, 0, TimeSpan.Zero));
        change.Value.To.Should().Be(new DateTimeOffset(2025, 4, 15, 9, 30, 0, TimeSpan.FromHours(-5)));
    }

    [Fact]
    public void GetInterviewSummaryChange_Strings_ReturnsBoth()
    {
        var change = Parse("\"interview_summary\":{\"from\":null,\"to\":\"Great fit\"}").GetInterviewSummaryChange();

        change.Should().Be(new ClassetChange<string?>(null, "Great fit"));
    }

    [Fact]
    public void GetOutcomeChange_EventBuiltInCodeWithWrongType_ThrowsPayloadException()
    {
        using var document = JsonDocument.Parse("{\"from\":1,\"to\":2}");
        var webhookEvent = new ClassetInterviewUpdatedEvent
        {
            Changes = new Dictionary<string, ClassetFieldChange>
            {
                ["interview_outcome"] = new() { From = document.RootElement.GetProperty("from").Clone(), To = document.RootElement.GetProperty("to").Clone() },
            },
            Data = new ClassetInterviewData { CandidateId = "c" },
        };

        var act = () => webhookEvent.GetOutcomeChange();

        act.Should().Throw<WebhookPayloadException>().Which.Path.Should().Be("$.changes.interview_outcome.from");
    }

    [Fact]
    public void TryGetChange_TypedValues_ReadsBoth()
    {
        var webhookEvent = Parse("\"retries\":{\"from\":null,\"to\":3}");

        webhookEvent.TryGetChange("retries", ClassetTestJsonContext.Default.NullableInt32, out var change).Should().BeTrue();

        change.Should().Be(new ClassetChange<int?>(null, 3));
    }

    [Fact]
    public void TryGetChange_ValueOfAnotherType_ReturnsFalse()
    {
        var webhookEvent = Parse("\"retries\":{\"from\":\"many\",\"to\":3}");

        webhookEvent.TryGetChange("retries", ClassetTestJsonContext.Default.NullableInt32, out _).Should().BeFalse();
    }

    [Fact]
    public void TryGetChange_FieldNotChanged_ReturnsFalse()
    {
        Parse(string.Empty).TryGetChange("retries", ClassetTestJsonContext.Default.Int32, out _).Should().BeFalse();
    }

    [Fact]
    public void TryGetChange_CustomDataObject_ReadsUserRecord()
    {
        var webhookEvent = Parse("\"interview_custom_data\":{\"from\":null,\"to\":{\"can_lift_50lbs\":true,\"eligible_to_work\":false}}");

        webhookEvent.TryGetChange("interview_custom_data", ClassetTestJsonContext.Default.ClassetTestCustomData, out var change).Should().BeTrue();

        change.From.Should().BeNull();
        change.To.Should().Be(new ClassetTestCustomData(true, false));
    }

    [Fact]
    public void TryGetCustomValue_ObjectOfUserType_ReadsIt()
    {
        var data = Parse(string.Empty, "\"candidate_id\":\"c\",\"interview_custom_data\":{\"years\":7,\"notes\":\"ok\",\"ratio\":0.25,\"profile\":{\"can_lift_50lbs\":true,\"eligible_to_work\":true}}").Data;

        data.TryGetCustomValue("years", ClassetTestJsonContext.Default.Int32, out var years).Should().BeTrue();
        data.TryGetCustomValue("profile", ClassetTestJsonContext.Default.ClassetTestCustomData, out var profile).Should().BeTrue();
        data.TryGetCustomString("notes", out var notes).Should().BeTrue();
        data.TryGetCustomDouble("ratio", out var ratio).Should().BeTrue();
        data.TryGetCustomDecimal("ratio", out var exactRatio).Should().BeTrue();
        data.TryGetCustomInt64("years", out var longYears).Should().BeTrue();
        data.TryGetCustomElement("profile", out var element).Should().BeTrue();

        years.Should().Be(7);
        profile.Should().Be(new ClassetTestCustomData(true, true));
        notes.Should().Be("ok");
        ratio.Should().Be(0.25);
        exactRatio.Should().Be(0.25m);
        longYears.Should().Be(7);
        element.ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public void TryGetCustomValue_WrongTypeOrMissing_ReturnsFalse()
    {
        var data = Parse(string.Empty, "\"candidate_id\":\"c\",\"interview_custom_data\":{\"years\":\"seven\",\"big\":1e400,\"frac\":1.5}").Data;

        data.TryGetCustomValue("years", ClassetTestJsonContext.Default.Int32, out _).Should().BeFalse();
        data.TryGetCustomValue("absent", ClassetTestJsonContext.Default.Int32, out _).Should().BeFalse();
        data.TryGetCustomBoolean("years", out _).Should().BeFalse();
        data.TryGetCustomString("frac", out _).Should().BeFalse();
        data.TryGetCustomDouble("big", out _).Should().BeFalse();
        data.TryGetCustomDecimal("big", out _).Should().BeFalse();
        data.TryGetCustomInt64("frac", out _).Should().BeFalse();
    }

    [Fact]
    public void TryGetCustomValue_NoCustomData_ReturnsFalse()
    {
        var data = Parse(string.Empty, "\"candidate_id\":\"c\",\"interview_custom_data\":null").Data;

        data.InterviewCustomData.Should().BeNull();
        data.TryGetCustomBoolean("can_lift_50lbs", out _).Should().BeFalse();
        data.TryGetCustomElement("can_lift_50lbs", out _).Should().BeFalse();
    }

    [Fact]
    public void TryGetCustomElement_NullName_ThrowsArgumentNull()
    {
        var data = Parse(string.Empty).Data;

        var act = () => data.TryGetCustomElement(null!, out _);

        act.Should().Throw<ArgumentNullException>();
    }
}
