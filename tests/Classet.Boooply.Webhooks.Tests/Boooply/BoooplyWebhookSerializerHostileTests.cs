using System.Text;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyWebhookSerializerHostileTests
{
    private const string Scores = """{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":72}}}""";

    public static TheoryData<string, byte[], string?> HostileBodies()
    {
        var data = new TheoryData<string, byte[], string?>();
        void Add(string name, string json, string? path) => data.Add(name, Encoding.UTF8.GetBytes(json), path);

        data.Add("empty body", [], null);
        Add("whitespace only", "  \n ", null);
        Add("not JSON", "hello=world&event=interview.scores", null);
        Add("form body", "event=interview.scores", null);
        Add("truncated", Scores[..(Scores.Length / 2)], null);
        Add("truncated fixture", BoooplyTestData.FixtureText(BoooplyTestData.Evaluation)[..900], null);
        Add("missing closing brace", Scores[..^1], null);
        Add("trailing garbage", Scores + " x", null);
        Add("two documents", Scores + Scores, null);
        Add("array root", "[" + Scores + "]", "$");
        Add("empty array root", "[]", "$");
        Add("string root", "\"interview.scores\"", "$");
        Add("number root", "42", "$");
        Add("null root", "null", "$");
        Add("boolean root", "true", "$");
        Add("missing event", """{"data":{"meetingCode":"m"}}""", "$.event");
        Add("event null", """{"event":null,"data":{"meetingCode":"m"}}""", "$.event");
        Add("event number", """{"event":3,"data":{"meetingCode":"m"}}""", "$.event");
        Add("event object", """{"event":{"type":"interview.scores"},"data":{"meetingCode":"m"}}""", "$.event");
        Add("missing data", """{"event":"interview.scores"}""", "$.data");
        Add("data null", """{"event":"interview.transcript","data":null}""", "$.data");
        Add("data array", """{"event":"interview.evaluation","data":[{"meetingCode":"m"}]}""", "$.data");
        Add("data string", """{"event":"interview.recording","data":"m"}""", "$.data");
        Add("duplicate data, second null", """{"event":"interview.scores","data":{"meetingCode":"m"},"data":null}""", "$.data");
        Add("missing meetingCode", """{"event":"interview.scores","data":{"candidateName":"Jane"}}""", "$.data.meetingCode");
        Add("meetingCode number", """{"event":"interview.scores","data":{"meetingCode":42}}""", "$.data.meetingCode");
        Add("meetingCode null", """{"event":"interview.scores","data":{"meetingCode":null}}""", "$.data.meetingCode");
        Add("score as string", """{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":"72"}}}""", "$.data.scores.overall");
        Add("scores as array", """{"event":"interview.scores","data":{"meetingCode":"m","scores":[72]}}""", "$.data.scores");
        Add("rating as boolean", """{"event":"interview.scores","data":{"meetingCode":"m","overallRating":true}}""", "$.data.overallRating");
        Add("recommendation as number", """{"event":"interview.scores","data":{"meetingCode":"m","recommendation":5}}""", "$.data.recommendation");
        Add("transcript as object", """{"event":"interview.transcript","data":{"meetingCode":"m","transcript":{"speaker":"A"}}}""", "$.data.transcript");
        Add("startMs as string", """{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{"startMs":"12400"}]}}""", "$.data.transcript[0].startMs");
        Add("isTeamMeeting as string", """{"event":"interview.transcript","data":{"meetingCode":"m","isTeamMeeting":"no"}}""", "$.data.isTeamMeeting");
        Add("transcriptCount beyond a long", """{"event":"interview.transcript","data":{"meetingCode":"m","transcriptCount":9223372036854775808}}""", "$.data.transcriptCount");
        Add("timestamp as number", """{"event":"interview.recording","data":{"meetingCode":"m","timestamp":1774117200000}}""", "$.data.timestamp");
        Add("timestamp not a date", """{"event":"interview.recording","data":{"meetingCode":"m","timestamp":"yesterday-ish"}}""", "$.data.timestamp");
        Add("questionsToAsk with object", """{"event":"interview.evaluation","data":{"meetingCode":"m","nextSteps":{"questionsToAsk":[{}]}}}""", "$.data.nextSteps.questionsToAsk[0]");
        Add("severity as object", """{"event":"interview.evaluation","data":{"meetingCode":"m","redFlags":[{"severity":{}}]}}""", "$.data.redFlags[0].severity");
        Add("score 1e400", """{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":1e400}}}""", "$.data.scores.overall");
        Add("score -1e400", """{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":-1e400}}}""", "$.data.scores.overall");
        Add("rating huge integer", """{"event":"interview.scores","data":{"meetingCode":"m","overallRating":123456789012345678901234567890123456789}}""", "$.data.overallRating");
        Add("duration 1e400", """{"event":"interview.recording","data":{"meetingCode":"m","duration":1e400}}""", "$.data.duration");
        Add("transcriptCount huge", """{"event":"interview.transcript","data":{"meetingCode":"m","transcriptCount":99999999999999999999}}""", "$.data.transcriptCount");
        Add("startMs huge", """{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{"startMs":1e300}]}}""", "$.data.transcript[0].startMs");
        Add("nested 10,000 deep in data", """{"event":"interview.scores","data":{"meetingCode":"m","x":""" + new string('[', 10_000) + new string(']', 10_000) + "}}", null);
        Add("nested 10,000 deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), null);
        Add("nested 10,000 deep in unknown event", """{"event":"interview.future","data":""" + new string('[', 10_000) + new string(']', 10_000) + "}", null);
        Add("lone surrogate escape in the event key", """{"eve\ud800nt":"interview.scores","data":{"meetingCode":"m"}}""", "$.event");
        Add("nested 65 deep", """{"event":"interview.scores","data":{"meetingCode":"m","x":""" + new string('[', 65) + new string(']', 65) + "}}", null);
        Add("unclosed 10,000 deep", new string('[', 10_000), null);

        data.Add("invalid UTF-8 in value", Concat("""{"event":"interview.scores","data":{"meetingCode":"m","candidateName":"Jo""", [0xFF, 0xFE], "\"}}"), null);
        data.Add("invalid UTF-8 in event", Concat("""{"event":"interview.""", [0xC3], "\",\"data\":{\"meetingCode\":\"m\"}}"), null);
        data.Add("overlong UTF-8 in property name", Concat("""{"event":"interview.scores","data":{"meetingCode":"m","x""", [0xC0, 0xAF], "\":1}}"), null);
        data.Add("invalid UTF-8 in unknown event", Concat("""{"event":"interview.future","data":{"meetingCode":"m""", [0xED, 0xA0, 0x80], "\"}}"), null);
        data.Add("UTF-16 body", Encoding.Unicode.GetBytes(Scores), null);
        data.Add("NUL bytes", new byte[64], null);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Deserialize_HostileBody_ThrowsPayloadExceptionOnly(string name, byte[] body, string? expectedPath)
    {
        var act = () => BoooplyWebhookSerializer.Deserialize(body);

        var exception = act.Should().Throw<WebhookPayloadException>(name).Which;
        exception.Message.Should().StartWith("Invalid webhook payload: ");
        if (expectedPath is not null)
        {
            exception.Path.Should().Be(expectedPath);
            exception.Message.Should().NotContain("Jane", "the message quotes no payload values");
        }
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void TryDeserialize_HostileBody_ReturnsFalseWithSameError(string name, byte[] body, string? expectedPath)
    {
        BoooplyWebhookSerializer.TryDeserialize(body, out var webhookEvent, out var error).Should().BeFalse(name);

        webhookEvent.Should().BeNull();
        error.Should().NotBeNull();
        if (expectedPath is not null)
        {
            error!.Path.Should().Be(expectedPath);
        }

        BoooplyWebhookSerializer.TryDeserialize(BoooplyWebhookSerializerTests.Segmented(body, 5), out _, out var sequenceError).Should().BeFalse();
        sequenceError!.Message.Should().Be(error!.Message);
    }

    [Fact]
    public void Deserialize_WrongValueType_MessageSaysWhatAndWhere()
    {
        var act = () => BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":"seventy-two"}}}""");

        var exception = act.Should().Throw<WebhookPayloadException>().Which;
        exception.Path.Should().Be("$.data.scores.overall");
        exception.LineNumber.Should().Be(0);
        exception.BytePositionInLine.Should().BeGreaterThan(0);
        exception.Message.Should().Contain("$.data.scores.overall").And.Contain("wrong type or is out of range").And.NotContain("seventy-two");
    }

    [Fact]
    public void Deserialize_TooDeep_MessageSaysNesting()
    {
        var act = () => BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m","x":""" + new string('[', 10_000) + new string(']', 10_000) + "}}");

        act.Should().Throw<WebhookPayloadException>().WithMessage("*nested deeper than the allowed maximum*");
    }

    [Fact]
    public void Deserialize_NestingWithinLimit_IsAccepted()
    {
        var deep = new string('[', 60) + new string(']', 60);

        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m","x":""" + deep + "}}");

        ((BoooplyScoresEvent)webhookEvent).Data.ExtensionData!["x"].GetRawText().Should().Be(deep);
    }

    [Fact]
    public void Deserialize_AbsurdNumberInUnknownField_IsKeptVerbatim()
    {
        const string json = """{"event":"interview.scores","data":{"meetingCode":"m","newMetric":1e400}}""";

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Contain("\"newMetric\":1e400", "an untyped value is kept as sent, never reinterpreted");
    }

    [Theory]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m","oneLineSummary":"Great fit \ud83d"}}""", "Great fit \uFFFD")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m","oneLineSummary":"\udc00 trailing low"}}""", "\uFFFD trailing low")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m","oneLineSummary":"pair \ud83d\ude00 kept"}}""", "pair \U0001F600 kept")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m","oneLineSummary":"C:\\ud800 is a path"}}""", "C:\\ud800 is a path")]
    [InlineData("""{"data":{"oneLineSummary":"reordered \ud800","meetingCode":"m"},"event":"interview.scores"}""", "reordered \uFFFD")]
    public void Deserialize_LoneSurrogateEscape_ReadAsReplacementCharacter(string json, string expected)
    {
        var webhookEvent = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(json);

        webhookEvent.Data.OneLineSummary.Should().Be(expected);
        BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.Serialize(webhookEvent)).Should().BeOfType<BoooplyScoresEvent>()
            .Which.Data.OneLineSummary.Should().Be(expected);
    }

    [Fact]
    public void Deserialize_LoneSurrogateInUnknownFieldAndEvent_KeptAsReplacementCharacter()
    {
        var known = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m","note":"cut \ud83d"}}""");
        var unknown = BoooplyWebhookSerializer.Deserialize("""{"event":"interview.x\ud800","data":{"meetingCode":"m"}}""");

        known.Data.ExtensionData!["note"].GetString().Should().Be("cut \uFFFD");
        BoooplyWebhookSerializer.Serialize(known).Should().Contain("cut \\ufffd", "the repaired escape is what was parsed, so it is what is written back");
        unknown.Should().BeOfType<BoooplyUnknownEvent>().Which.EventType.Should().Be("interview.x\uFFFD");
    }

    [Fact]
    public void TryDeserialize_NullString_ReturnsFalse()
    {
        BoooplyWebhookSerializer.TryDeserialize((string?)null, out var webhookEvent, out var error).Should().BeFalse();

        webhookEvent.Should().BeNull();
        error.Should().NotBeNull();
    }

    [Fact]
    public void Deserialize_NullString_ThrowsArgumentNull()
    {
        var act = () => BoooplyWebhookSerializer.Deserialize((string)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}
