using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>
/// <c>Serialize(Deserialize(body))</c> is the body without its insignificant whitespace, byte for byte: every documented
/// example and variants of absent and null members, timestamp and number spellings, escapes, unknown members and member
/// order. A value changed with <c>with</c> is written new, in its place, and nothing else changes.
/// </summary>
public sealed class BoooplyLosslessRoundTripTests
{
    public static TheoryData<string> Fixtures() => new(BoooplyTestData.AllFixtures);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RoundTrip_DocumentedExample_IsTheBodyWithoutWhitespace(string fixture)
    {
        var text = BoooplyTestData.FixtureText(fixture);

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(text)).Should().Be(WireText.Minify(text));
        Encoding.UTF8.GetString(BoooplyWebhookSerializer.SerializeToUtf8Bytes(BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(fixture))))
            .Should().Be(WireText.Minify(text));
    }

    [Fact]
    public void RoundTrip_NonAsciiExample_IsTheBodyWithoutWhitespace()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Canonical", "boooply-scores-non-ascii.json"));

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(text)).Should().Be(WireText.Minify(text));
    }

    public static TheoryData<string, string> Variants() => new()
    {
        { "timestamp with milliseconds", Scores("\"timestamp\":\"2026-03-21T18:35:00.000Z\"") },
        { "timestamp without milliseconds", Scores("\"timestamp\":\"2026-03-21T18:35:00Z\"") },
        { "timestamp with microseconds", Scores("\"timestamp\":\"2026-03-21T18:35:00.123456Z\"") },
        { "timestamp with seven digits and an offset", Scores("\"timestamp\":\"2026-03-21T18:35:00.1234567+05:30\"") },
        { "timestamp with a negative offset", Scores("\"timestamp\":\"2026-03-21T14:35:00-04:00\"") },
        { "timestamp without an offset", Scores("\"timestamp\":\"2026-03-21T18:35:00\"") },
        { "null timestamp", Scores("\"timestamp\":null") },
        { "rating spellings", Scores("\"overallRating\":3.50,\"scores\":{\"overall\":7.2e1,\"communication\":80.0,\"technicalSkills\":-0,\"problemSolving\":1E2,\"cultureFit\":0.85E2,\"experienceMatch\":70}") },
        { "source members null", Scores("\"source\":null,\"sourceId\":null,\"sourcePlatform\":null") },
        { "source members absent", Scores(string.Empty) },
        { "everything null", Scores("\"candidateName\":null,\"jobRole\":null,\"overallRating\":null,\"recommendation\":null,\"confidenceLevel\":null,\"scores\":null,\"ratingsForRecruiters\":null,\"oneLineSummary\":null") },
        { "empty objects", Scores("\"scores\":{},\"ratingsForRecruiters\":{}") },
        { "escapes", Scores("\"candidateName\":\"Zo\\u00eb \\\"Q\\\" \\/ \\n \\ud83d\\ude00 \\u2028\",\"jobRole\":\"caf\u00e9 \ud83d\ude00 \u2028 <&>\"") },
        { "escaped member names", Scores("\"candid\\u0061teName\":\"Jane\",\"\\u0073cores\":{\"overall\":1}") },
        { "unknown values of the enums", Scores("\"recommendation\":\"maybe\",\"confidenceLevel\":\"MEDIUM\"") },
        { "unknown members in the middle and nested", Scores("\"x\":1,\"candidateName\":\"Jane\",\"y\":{\"a\":[1,{\"b\":null}]},\"scores\":{\"overall\":1,\"z\":\"1.50\"}") },
        { "unknown members named like the conveniences", Transcript("\"transcript\":[{\"start\":1,\"end\":\"x\",\"startMs\":5,\"Start\":2}]") },
        { "transcript entries with and without endMs", Transcript("\"transcript\":[{\"speaker\":\"AI\",\"text\":\"Hi\",\"startMs\":12400},{\"speaker\":\"Jane\",\"text\":\"Hey\",\"startMs\":15200,\"endMs\":28900},null],\"transcriptCount\":24") },
        { "fractional and exponent milliseconds", Transcript("\"transcript\":[{\"startMs\":12400.5,\"endMs\":1.29E4}],\"transcriptCount\":2.0") },
        { "recording duration spellings", Recording("\"duration\":1234.0,\"format\":\"MP4\"") },
        { "evaluation raw members", Evaluation("\"meetingStatistics\":{\"talkRatio\":0.50,\"a\":[]},\"customQuestionResponses\":[{\"q\":\"?\",\"a\":null}],\"questionsAsked\":[{\"timestamp\":\"02:15\",\"answerQuality\":4.0}]") },
        { "data before event", """{"data":{"meetingCode":"m","overallRating":3},"event":"interview.scores"}""" },
        { "unknown top-level members", """{"x":[],"event":"interview.scores","y":null,"data":{"meetingCode":"m"},"z":{"a":1}}""" },
        { "members in reverse order", """{"event":"interview.scores","data":{"timestamp":"2026-03-21T18:35:00.000Z","oneLineSummary":"s","scores":{"experienceMatch":70,"overall":72},"overallRating":3,"meetingCode":"m"}}""" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void RoundTrip_Variant_IsTheBodyByteForByte(string name, string body)
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(body);

        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(body, name);
        BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.Serialize(webhookEvent)).Should().Be(webhookEvent, name);
    }

    [Fact]
    public void RoundTrip_PrettyVariant_IsTheBodyWithoutWhitespace()
    {
        const string body = "{\n  \"event\" : \"interview.scores\",\r\n\t\"data\": { \"meetingCode\": \"m\", \"x\": [ 1 , { \"a\" : \"b c\" } ],\n \"scores\": { \"overall\" : 7.20 } } }";

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(body)).Should().Be(WireText.Minify(body));
    }

    [Fact]
    public void RoundTrip_RepeatedKeys_WriteEachOnceWhereItFirstAppearedWithItsLastValue()
    {
        const string body = """{"event":"interview.scores","data":{"meetingCode":"m","overallRating":1,"x":1,"overallRating":3,"x":2},"event":"interview.scores"}""";

        var webhookEvent = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(body);

        webhookEvent.Data.OverallRating.Should().Be(3);
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be("""{"event":"interview.scores","data":{"meetingCode":"m","overallRating":3,"x":2}}""");
    }

    [Fact]
    public void RoundTrip_UnknownEvent_IsTheBodyWithoutWhitespace()
    {
        const string body = "{ \"event\": \"interview.started\", \"data\": { \"meetingCode\": \"m\", \"n\": 1.50, \"t\": \"2026-03-21T18:00:00Z\" } }";

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(body)).Should().Be(WireText.Minify(body));
    }

    [Fact]
    public void With_ChangedValues_AreWrittenNewInTheirPlaceAndNothingElseChanges()
    {
        var text = BoooplyTestData.FixtureText(BoooplyTestData.Scores);
        var original = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(text);

        var changed = original with
        {
            Data = original.Data with
            {
                OverallRating = 4.5m,
                Source = null,
                Recommendation = BoooplyRecommendation.StrongPass,
                Timestamp = new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.Zero),
                Scores = original.Data.Scores! with { Overall = 90 },
            },
        };

        var expected = WireText.Minify(text)
            .Replace("\"overallRating\":3", "\"overallRating\":4.5", StringComparison.Ordinal)
            .Replace("\"source\":\"Acme Corp\"", "\"source\":null", StringComparison.Ordinal)
            .Replace("\"recommendation\":\"PASS\"", "\"recommendation\":\"STRONG_PASS\"", StringComparison.Ordinal)
            .Replace("\"timestamp\":\"2026-03-21T18:35:00.000Z\"", "\"timestamp\":\"2026-03-22T09:00:00.000Z\"", StringComparison.Ordinal)
            .Replace("\"scores\":{\"overall\":72", "\"scores\":{\"overall\":90", StringComparison.Ordinal);
        BoooplyWebhookSerializer.Serialize(changed).Should().Be(expected);
        BoooplyWebhookSerializer.Serialize(original).Should().Be(WireText.Minify(text), "the original event is unchanged");
    }

    [Fact]
    public void With_SameInstantAtAnotherOffset_IsWrittenInTheNewSpelling()
    {
        var original = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(Scores("\"timestamp\":\"2026-03-21T18:35:00.000Z\""));

        var changed = original with { Data = original.Data with { Timestamp = new DateTimeOffset(2026, 3, 21, 14, 35, 0, TimeSpan.FromHours(-4)) } };

        BoooplyWebhookSerializer.Serialize(changed).Should().Contain("\"timestamp\":\"2026-03-21T14:35:00.0000000-04:00\"");
    }

    [Fact]
    public void With_AddedAndRemovedMembers_AreWrittenAfterTheOriginalOnesOrLeftOut()
    {
        var original = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(
            """{"event":"interview.scores","data":{"meetingCode":"m","x":1,"candidateName":"Jane","y":2},"top":true}""");

        var changed = original with
        {
            Data = original.Data with
            {
                CandidateName = null,
                JobRole = "Engineer",
                ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["y"] = Json("3"), ["added"] = Json("[1]") },
            },
            ExtensionData = null,
        };

        BoooplyWebhookSerializer.Serialize(changed).Should().Be(
            """{"event":"interview.scores","data":{"meetingCode":"m","candidateName":null,"y":3,"jobRole":"Engineer","added":[1]}}""");
    }

    [Fact]
    public void Serialize_CopyOfDataInANewEvent_HasNoOriginalSoIsWrittenFromValues()
    {
        var original = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(Scores("\"overallRating\":3.50,\"source\":null"));

        var rebuilt = new BoooplyScoresEvent { Data = original.Data };

        BoooplyWebhookSerializer.Serialize(rebuilt).Should().Be("""{"event":"interview.scores","data":{"meetingCode":"Boooply-AI-1","overallRating":3.50}}""");
    }

    private static string Scores(string members) =>
        "{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"Boooply-AI-1\"" + (members.Length > 0 ? "," + members : string.Empty) + "}}";

    private static string Transcript(string members) => "{\"event\":\"interview.transcript\",\"data\":{\"meetingCode\":\"m\"," + members + "}}";

    private static string Recording(string members) => "{\"event\":\"interview.recording\",\"data\":{\"meetingCode\":\"m\"," + members + "}}";

    private static string Evaluation(string members) => "{\"event\":\"interview.evaluation\",\"data\":{\"meetingCode\":\"m\"," + members + "}}";

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
}
