using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>
/// <c>Serialize(Deserialize(body))</c> is the body without its insignificant whitespace, byte for byte: both documented
/// examples and variants of absent and null members, timestamp and number spellings, escapes, unknown members and member
/// order. A value changed with <c>with</c> is written new, in its place, and nothing else changes.
/// </summary>
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be written back.
public sealed class ClassetLosslessRoundTripTests
{
    [Theory]
    [MemberData(nameof(ClassetFixtures.Names), MemberType = typeof(ClassetFixtures))]
    public void RoundTrip_DocumentedExample_IsTheBodyWithoutWhitespace(string fixture)
    {
        var text = ClassetFixtures.Text(fixture);

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(text)).Should().Be(WireText.Minify(text));
        Encoding.UTF8.GetString(ClassetWebhookSerializer.SerializeToUtf8Bytes(ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(fixture))))
            .Should().Be(WireText.Minify(text));
    }

    public static TheoryData<string, string> Variants() => new()
    {
        { "timestamps as in the example", Data("\"interview_completed_at\":\"2025-04-15T16:00:00Z\",\"interview_sent_at\":\"2025-04-14T12:00:00Z\"") },
        { "timestamps with milliseconds", Data("\"interview_completed_at\":\"2025-04-15T16:00:00.000Z\"") },
        { "timestamps with microseconds and an offset", Data("\"interview_completed_at\":\"2025-04-15T16:00:00.123456Z\",\"interview_sent_at\":\"2025-04-14T08:00:00-04:00\"") },
        { "timestamps without an offset, and a date alone", Data("\"interview_completed_at\":\"2025-04-15T16:00:00\",\"interview_sent_at\":\"2025-04-14\"") },
        { "every data member null", Data("\"candidate_id\":null,\"interview_completed_at\":null,\"interview_sent_at\":null,\"interview_outcome\":null,\"interview_summary\":null,\"interview_custom_data\":null") },
        { "no data member at all", Data(string.Empty) },
        { "only some data members", Data("\"interview_outcome\":\"qualified\"") },
        { "escapes", Data("\"interview_summary\":\"Zo\\u00eb \\\"Q\\\" \\/ \\n \\ud83d\\ude00 caf\u00e9 \ud83d\ude00 \u2028\"") },
        { "escaped member names", Data("\"c\\u0061ndidate_id\":\"c\",\"interview_\\u006futcome\":\"qualified\"") },
        { "custom data spellings", Data("\"interview_custom_data\":{\"score\":97.250,\"big\":1E2,\"zero\":-0,\"list\":[1,null,{\"a\":\"\\u00e9\"}],\"empty\":{}}") },
        { "unknown members everywhere", """{"x":1,"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"completed","by":"r7"}},"y":[],"data":{"z":{},"candidate_id":"c"}}""" },
        { "changes of every kind", """{"event":"candidate.interview.updated","changes":{"interview_completed_at":{"from":null,"to":"2025-04-15T16:00:00.000Z"},"interview_custom_data":{"from":{"a":1},"to":null},"custom":{"from":1.50,"to":[true]},"only_to":{"to":"x"},"neither":{}},"data":{}}""" },
        { "members in reverse order", """{"data":{"interview_custom_data":{"b":2,"a":1},"interview_outcome":"completed","candidate_id":"c"},"changes":{},"event":"candidate.interview.updated"}""" },
        { "call_completed number spellings", """{"call_id":"c","call_details":{"duration":300.0,"start_time":1.7370738E9,"end_time":1737074100,"e2e_latency":120}}""" },
        { "call_completed word timings", """{"call_id":"c","transcript":[{"role":"user","words":[{"start":0,"end":0.50,"word":"Hello?"},{"start":1E-1,"end":1.25e0}],"content":"Hello?"}]}""" },
        { "call_completed with every member null", """{"candidate_id":null,"candidate_phone":null,"job_id":null,"job_title":null,"call_status":null,"transcript":null,"questions":null,"call_details":null,"call_id":null,"recording_url":null}""" },
        { "call_completed with an event member", """{"event":"call_completed","call_id":"c"}""" },
        { "call_completed unknown enum values", """{"call_status":"voicemail","call_details":{"call_analysis":{"user_sentiment":"Mixed","agent_sentiment":"positive","call_completion_rating":"Partial","agent_task_completion_rating":""}}}""" },
        { "call_completed with members named like the conveniences", """{"call_id":"c","call_details":{"Duration":"x","StartedAt":1,"duration":5},"transcript":[{"words":[{"Start":1,"start":2}]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void RoundTrip_Variant_IsTheBodyByteForByte(string name, string body)
    {
        var webhookEvent = ClassetWebhookSerializer.Deserialize(body);

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(body, name);
        ClassetWebhookSerializer.Deserialize(ClassetWebhookSerializer.Serialize(webhookEvent)).Should().Be(webhookEvent, name);
    }

    [Fact]
    public void RoundTrip_ByteOrderMark_IsNotWrittenBack()
    {
        var body = Data("\"candidate_id\":\"c\"");

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body)])).Should().Be(body);
    }

    [Fact]
    public void RoundTrip_RepeatedKeys_WriteEachOnceWhereItFirstAppearedWithItsLastValue()
    {
        const string body = """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"a","x":1,"candidate_id":"b","x":2}}""";

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(body);

        webhookEvent.Data.CandidateId.Should().Be("b");
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be("""{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"b","x":2}}""");
    }

    [Fact]
    public void RoundTrip_UnknownEvent_IsTheBodyWithoutWhitespace()
    {
        const string body = "{ \"event\": \"candidate.created\", \"data\": { \"n\": 1.50, \"t\": \"2025-04-15T16:00:00Z\" } }";

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(body)).Should().Be(WireText.Minify(body));
    }

    [Fact]
    public void With_ChangedValues_AreWrittenNewInTheirPlaceAndNothingElseChanges()
    {
        var text = ClassetFixtures.Text(ClassetFixtures.InterviewUpdated);
        var original = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(text);

        var changed = original with
        {
            Data = original.Data with
            {
                InterviewOutcome = ClassetInterviewOutcome.Qualified,
                InterviewSummary = null,
                InterviewCompletedAt = new DateTimeOffset(2025, 4, 16, 9, 30, 0, TimeSpan.Zero),
            },
        };

        var expected = WireText.Minify(text)
            .Replace("\"interview_outcome\":\"completed\",\"interview_summary\":\"Example of customizable interview summary text\"", "\"interview_outcome\":\"qualified\",\"interview_summary\":null", StringComparison.Ordinal)
            .Replace("\"candidate_id\":\"cand_12345678\",\"interview_completed_at\":\"2025-04-15T16:00:00Z\"", "\"candidate_id\":\"cand_12345678\",\"interview_completed_at\":\"2025-04-16T09:30:00Z\"", StringComparison.Ordinal);
        ClassetWebhookSerializer.Serialize(changed).Should().Be(expected);
    }

    [Fact]
    public void With_ChangedChangesAndLists_AreWrittenWithTheUnchangedPartsAsTheyWere()
    {
        var interview = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(
            """{"event":"candidate.interview.updated","changes":{"a":{"from":1.0,"to":2.0},"b":{"to":null}},"data":{}}""");
        var call = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(
            """{"call_id":"c","questions":[{"question":"Q1","answer":"A1"},{"question":"Q2"}]}""");

        var changes = interview.Changes.Where(pair => pair.Key != "b").ToDictionary();
        changes["c"] = new ClassetFieldChange { To = JsonDocument.Parse("\"new\"").RootElement };
        var changedInterview = interview with { Changes = changes };
        var changedCall = call with { Questions = [call.Questions![0], call.Questions[1] with { Answer = "A2" }, new ClassetCallQuestion { Question = "Q3" }] };

        ClassetWebhookSerializer.Serialize(changedInterview).Should().Be(
            """{"event":"candidate.interview.updated","changes":{"a":{"from":1.0,"to":2.0},"c":{"to":"new"}},"data":{}}""");
        ClassetWebhookSerializer.Serialize(changedCall).Should().Be(
            """{"call_id":"c","questions":[{"question":"Q1","answer":"A1"},{"question":"Q2","answer":"A2"},{"question":"Q3"}]}""");
    }

    private static string Data(string members) =>
        "{\"event\":\"candidate.interview.updated\",\"changes\":{},\"data\":{" + members + "}}";
}
#pragma warning restore CS0618
