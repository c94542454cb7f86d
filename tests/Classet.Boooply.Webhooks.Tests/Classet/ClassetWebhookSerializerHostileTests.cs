using System.Text;
using Classet.Boooply.Webhooks.Classet;

// The deprecated event is still delivered; these tests check that bad ones are still rejected cleanly.
#pragma warning disable CS0618

namespace Classet.Boooply.Webhooks.Tests.Classet;

public sealed class ClassetWebhookSerializerHostileTests
{
    private const string Interview = "\"event\":\"candidate.interview.updated\"";

    /// <summary>Every hostile body, with the JSON path the error must point at.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        // Not JSON, or not one JSON value.
        { "not-json-text", "$" },
        { "not-json-markup", "$" },
        { "single-quotes", "$" },
        { "comment", "$" },
        { "trailing-comma", "$" },
        { "trailing-garbage", "$" },
        { "two-objects", "$" },
        { "truncated-fixture", "$.changes" },
        { "truncated-open-string", "$.data" },
        { "truncated-after-colon", "$.event" },

        // Not an object at the root.
        { "root-array", "$" },
        { "root-array-of-events", "$" },
        { "root-number", "$" },
        { "root-string", "$" },
        { "root-true", "$" },
        { "root-null", "$" },

        // Empty.
        { "empty", "$" },
        { "whitespace", "$" },
        { "bom-only", "$" },
        { "bom-then-garbage", "$" },

        // Invalid UTF-8 and invalid escapes.
        { "utf8-invalid-byte", "$" },
        { "utf8-overlong", "$" },
        { "utf8-lone-continuation", "$" },
        { "utf8-truncated-sequence", "$" },
        { "utf16-lone-surrogate-escape", "$" },

        // The discriminator itself is wrong.
        { "event-number", "$.event" },
        { "event-null", "$.event" },
        { "event-object", "$.event" },

        // Parts Classet always sends are missing.
        { "interview-missing-data", "$" },
        { "interview-missing-changes", "$" },
        { "interview-data-null", "$.data" },
        { "interview-changes-null", "$.changes" },

        // Wrong value types.
        { "interview-data-string", "$.data" },
        { "interview-changes-array", "$.changes" },
        { "interview-candidate-id-number", "$.data.candidate_id" },
        { "interview-completed-at-number", "$.data.interview_completed_at" },
        { "interview-completed-at-not-a-date", "$.data.interview_completed_at" },
        { "interview-outcome-number", "$.data.interview_outcome" },
        { "interview-summary-object", "$.data.interview_summary" },
        { "interview-custom-data-string", "$.data.interview_custom_data" },
        { "interview-custom-data-array", "$.data.interview_custom_data" },
        { "interview-change-entry-null", "$.changes.interview_outcome" },
        { "interview-change-entry-number", "$.changes.interview_outcome" },
        { "interview-change-outcome-number", "$.changes.interview_outcome.to" },
        { "interview-change-completed-at-not-a-date", "$.changes.interview_completed_at.to" },
        { "interview-change-summary-array", "$.changes.interview_summary.from" },
        { "interview-change-custom-data-string", "$.changes.interview_custom_data.to" },
        { "call-transcript-object", "$.transcript" },
        { "call-transcript-null-entry", "$.transcript[0]" },
        { "call-word-null", "$.transcript[0].words[1]" },
        { "call-word-start-string", "$.transcript[0].words[0].start" },
        { "call-questions-string", "$.questions" },
        { "call-question-null", "$.questions[1]" },
        { "call-duration-string", "$.call_details.duration" },
        { "call-status-number", "$.call_status" },
        { "call-sentiment-boolean", "$.call_details.call_analysis.user_sentiment" },
        { "call-details-array", "$.call_details" },
        { "call-id-object", "$.call_id" },

        // Absurd numbers where a number is expected.
        { "call-duration-1e400", "$.call_details.duration" },
        { "call-start-negative-1e400", "$.transcript[0].words[0].start" },
        { "call-latency-huge-exponent", "$.call_details.e2e_latency" },

        // Nesting beyond the limit: an error, never a stack overflow.
        { "deep-arrays-root", "$" },
        { "deep-objects-root", "$.a" },
        { "deep-arrays-in-data", "$.data" },
        { "deep-objects-in-custom-data", "$.data" },
        { "deep-arrays-in-unknown-event", "$.payload" },
        { "depth-65", "$.x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deserialize_HostileBody_ThrowsPayloadExceptionWithPathAndPosition(string name, string expectedPath)
    {
        var body = Body(name);

        var act = () => ClassetWebhookSerializer.Deserialize(body);

        var exception = act.Should().Throw<WebhookPayloadException>().Which;
        exception.Path.Should().Be(expectedPath);
        exception.LineNumber.Should().NotBeNull();
        exception.BytePositionInLine.Should().NotBeNull();
        exception.Message.Should().StartWith("Invalid webhook payload: ").And.Contain(expectedPath);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryDeserialize_HostileBody_ReturnsFalseWithSameError(string name, string expectedPath)
    {
        var body = Body(name);

        ClassetWebhookSerializer.TryDeserialize(body, out var webhookEvent, out var error).Should().BeFalse();
        ClassetWebhookSerializer.TryDeserialize(ClassetWebhookSerializerTests.Segmented(body, 4), out _, out var sequenceError).Should().BeFalse();

        webhookEvent.Should().BeNull();
        error!.Path.Should().Be(expectedPath);
        sequenceError!.Message.Should().Be(error.Message);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DeserializeAsync_HostileBody_ThrowsPayloadException(string name, string expectedPath)
    {
        await using var stream = new MemoryStream(Body(name));

        var act = async () => await ClassetWebhookSerializer.DeserializeAsync(stream);

        (await act.Should().ThrowAsync<WebhookPayloadException>()).Which.Path.Should().Be(expectedPath);
    }

    [Theory]
    [InlineData("deep-objects-root", "nested deeper than the limit of 64")]
    [InlineData("deep-arrays-in-data", "nested deeper than the limit of 64")]
    [InlineData("depth-65", "nested deeper than the limit of 64")]
    [InlineData("truncated-fixture", "not valid JSON")]
    [InlineData("trailing-garbage", "not valid JSON")]
    [InlineData("utf8-invalid-byte", "not valid UTF-8")]
    [InlineData("utf16-lone-surrogate-escape", "escape sequence")]
    [InlineData("root-array", "the root is an array")]
    [InlineData("root-null", "the root is null")]
    [InlineData("empty", "the body is empty")]
    [InlineData("event-number", "$.event is a number; expected a string")]
    [InlineData("interview-missing-data", "no 'data'")]
    [InlineData("interview-missing-changes", "no 'changes'")]
    [InlineData("interview-candidate-id-number", "wrong type")]
    [InlineData("call-duration-1e400", "out of range")]
    [InlineData("call-word-null", "is null")]
    public void Deserialize_HostileBody_MessageSaysWhatIsWrong(string name, string expected)
    {
        var act = () => ClassetWebhookSerializer.Deserialize(Body(name));

        act.Should().Throw<WebhookPayloadException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Deserialize_PositionOfError_PointsAtTheOffendingLine()
    {
        var body = "{\n  \"event\": \"candidate.interview.updated\",\n  \"changes\": {},\n  \"data\": {\n    \"candidate_id\": 42\n  }\n}";

        var act = () => ClassetWebhookSerializer.Deserialize(body);

        var exception = act.Should().Throw<WebhookPayloadException>().Which;
        exception.Path.Should().Be("$.data.candidate_id");
        exception.LineNumber.Should().Be(4);
    }

    [Fact]
    public void Deserialize_WrongTypedValue_DoesNotEchoTheValue()
    {
        var body = "{" + Interview + ""","changes":{},"data":{"candidate_id":"c","interview_completed_at":"SENSITIVE-CANDIDATE-NOTE"}}""";

        var act = () => ClassetWebhookSerializer.Deserialize(body);

        act.Should().Throw<WebhookPayloadException>().Which.Message.Should().NotContain("SENSITIVE");
    }

    [Theory]
    [InlineData(62)]
    [InlineData(63)]
    public void Deserialize_NestingWithinTheLimit_IsKept(int arrays)
    {
        // The root object plus the arrays: at most 64 levels.
        var body = "{\"x\":" + new string('[', arrays) + new string(']', arrays) + "}";

        var unknown = ClassetWebhookSerializer.Deserialize(body).Should().BeOfType<ClassetUnknownEvent>().Subject;

        ClassetWebhookSerializer.Serialize(unknown).Should().Be(body);
    }

    [Fact]
    public void Deserialize_MissingEvent_IsUnknownWithEmptyEventType()
    {
        // DESIGN: an object with neither 'event' nor the call_completed shape is an unknown event, not an error.
        var body = """{"changes":{},"data":{"candidate_id":"c"}}""";

        ClassetWebhookSerializer.Deserialize(body).Should().BeOfType<ClassetUnknownEvent>().Which.EventType.Should().BeEmpty();
    }

    [Fact]
    public void Deserialize_EmptyObject_IsUnknownWithEmptyEventType()
    {
        ClassetWebhookSerializer.Deserialize("{}").Should().BeOfType<ClassetUnknownEvent>().Which.EventType.Should().BeEmpty();
    }

    [Fact]
    public void Deserialize_HugeNumbersWhereAnyJsonIsAllowed_AreKeptVerbatim()
    {
        var body = "{" + Interview + ""","changes":{"score":{"from":1e400,"to":123456789012345678901234567890}},"data":{"candidate_id":"c","interview_completed_at":null,"interview_sent_at":null,"interview_outcome":null,"interview_summary":null,"interview_custom_data":{"n":-1e400}},"extra":1e99999}""";

        var webhookEvent = ClassetWebhookSerializer.Deserialize(body);

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(body);
    }

    [Fact]
    public void Deserialize_WholeNumberBeyondALong_FailsAtItsPath()
    {
        var body = """{"call_id":"c","call_details":{"start_time":123456789012345678901234567890}}""";

        var ok = ClassetWebhookSerializer.TryDeserialize(body, out _, out var error);

        ok.Should().BeFalse();
        error!.Path.Should().Be("$.call_details.start_time");
    }

    [Fact]
    public void Deserialize_HugeButInRangeTimes_ParseWithNullConveniences()
    {
        var body = """{"call_id":"c","call_details":{"start_time":9223372036854775807,"duration":9223372036854775807,"e2e_latency":-9223372036854775808}}""";

        var details = ClassetWebhookSerializer.Deserialize(body).Should().BeOfType<ClassetCallCompletedEvent>().Which.CallDetails!;

        details.StartTimeUnixSeconds.Should().Be(long.MaxValue);
        details.StartedAt.Should().BeNull();
        details.Duration.Should().BeNull();
        details.EndToEndLatency.Should().BeNull();
    }

    internal static byte[] Body(string name) => name switch
    {
        "not-json-text" => Utf8("hello, webhook"),
        "not-json-markup" => Utf8("<event>candidate.interview.updated</event>"),
        "single-quotes" => Utf8("{'event':'candidate.interview.updated'}"),
        "comment" => Utf8("{/* c */\"event\":\"x\"}"),
        "trailing-comma" => Utf8("{\"event\":\"x\",}"),
        "trailing-garbage" => Utf8("{\"event\":\"x\"} garbage"),
        "two-objects" => Utf8("{}{}"),
        "truncated-fixture" => ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated)[..100],
        "truncated-open-string" => Utf8("{\"data\":{\"candidate_id\":\"cand_"),
        "truncated-after-colon" => Utf8("{\"event\":"),
        "root-array" => Utf8("[]"),
        "root-array-of-events" => Utf8("[" + ClassetFixtures.Text(ClassetFixtures.InterviewUpdated) + "]"),
        "root-number" => Utf8("42"),
        "root-string" => Utf8("\"candidate.interview.updated\""),
        "root-true" => Utf8("true"),
        "root-null" => Utf8("null"),
        "empty" => [],
        "whitespace" => Utf8(" \r\n\t "),
        "bom-only" => [0xEF, 0xBB, 0xBF],
        "bom-then-garbage" => [0xEF, 0xBB, 0xBF, (byte)'x'],
        "utf8-invalid-byte" => [.. Utf8("{\"event\":\"candidate"), 0xFF, .. Utf8("\"}")],
        "utf8-overlong" => [.. Utf8("{\"a\":\""), 0xC0, 0xAF, .. Utf8("\"}")],
        "utf8-lone-continuation" => [.. Utf8("{\"a"), 0x80, .. Utf8("\":1}")],
        "utf8-truncated-sequence" => [.. Utf8("{\"a\":\"caf"), 0xC3],
        "utf16-lone-surrogate-escape" => Utf8("{\"event\":\"x\",\"note\":\"\\ud800\"}"),
        "event-number" => Utf8("{\"event\":3,\"changes\":{},\"data\":{\"candidate_id\":\"c\"}}"),
        "event-null" => Utf8("{\"event\":null}"),
        "event-object" => Utf8("{\"event\":{\"type\":\"candidate.interview.updated\"}}"),
        "interview-missing-data" => Interview1("\"changes\":{}"),
        "interview-missing-changes" => Interview1("\"data\":{\"candidate_id\":\"c\"}"),
        "interview-data-null" => Interview1("\"changes\":{},\"data\":null"),
        "interview-changes-null" => Interview1("\"changes\":null,\"data\":{\"candidate_id\":\"c\"}"),
        "interview-data-string" => Interview1("\"changes\":{},\"data\":\"c\""),
        "interview-changes-array" => Interview1("\"changes\":[],\"data\":{\"candidate_id\":\"c\"}"),
        "interview-candidate-id-number" => InterviewData("\"candidate_id\":12345678"),
        "interview-completed-at-number" => InterviewData("\"candidate_id\":\"c\",\"interview_completed_at\":1744732800"),
        "interview-completed-at-not-a-date" => InterviewData("\"candidate_id\":\"c\",\"interview_completed_at\":\"yesterday\""),
        "interview-outcome-number" => InterviewData("\"candidate_id\":\"c\",\"interview_outcome\":3"),
        "interview-summary-object" => InterviewData("\"candidate_id\":\"c\",\"interview_summary\":{}"),
        "interview-custom-data-string" => InterviewData("\"candidate_id\":\"c\",\"interview_custom_data\":\"yes\""),
        "interview-custom-data-array" => InterviewData("\"candidate_id\":\"c\",\"interview_custom_data\":[true]"),
        "interview-change-entry-null" => InterviewChanges("\"interview_outcome\":null"),
        "interview-change-entry-number" => InterviewChanges("\"interview_outcome\":7"),
        "interview-change-outcome-number" => InterviewChanges("\"interview_outcome\":{\"from\":null,\"to\":7}"),
        "interview-change-completed-at-not-a-date" => InterviewChanges("\"interview_completed_at\":{\"from\":null,\"to\":\"soon\"}"),
        "interview-change-summary-array" => InterviewChanges("\"interview_summary\":{\"from\":[],\"to\":\"s\"}"),
        "interview-change-custom-data-string" => InterviewChanges("\"interview_custom_data\":{\"from\":null,\"to\":\"x\"}"),
        "call-transcript-object" => Call("\"transcript\":{}"),
        "call-transcript-null-entry" => Call("\"transcript\":[null]"),
        "call-word-null" => Call("\"transcript\":[{\"role\":\"user\",\"words\":[{\"word\":\"a\"},null]}]"),
        "call-word-start-string" => Call("\"transcript\":[{\"words\":[{\"start\":\"0\",\"end\":0.5}]}]"),
        "call-questions-string" => Call("\"questions\":\"none\""),
        "call-question-null" => Call("\"questions\":[{\"question\":\"q\",\"answer\":\"a\"},null]"),
        "call-duration-string" => Call("\"call_details\":{\"duration\":\"300\"}"),
        "call-status-number" => Call("\"call_status\":1"),
        "call-sentiment-boolean" => Call("\"call_details\":{\"call_analysis\":{\"user_sentiment\":true}}"),
        "call-details-array" => Call("\"call_details\":[]"),
        "call-id-object" => Utf8("{\"call_id\":{}}"),
        "call-duration-1e400" => Call("\"call_details\":{\"duration\":1e400}"),
        "call-start-negative-1e400" => Call("\"transcript\":[{\"words\":[{\"start\":-1e400}]}]"),
        "call-latency-huge-exponent" => Call("\"call_details\":{\"e2e_latency\":1e99999999999}"),
        "deep-arrays-root" => Utf8(new string('[', 10_000) + new string(']', 10_000)),
        "deep-objects-root" => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        "deep-arrays-in-data" => Interview1("\"changes\":{},\"data\":" + new string('[', 10_000) + new string(']', 10_000)),
        "deep-objects-in-custom-data" => InterviewData("\"candidate_id\":\"c\",\"interview_custom_data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        "deep-arrays-in-unknown-event" => Utf8("{\"event\":\"future.event\",\"payload\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        "depth-65" => Utf8("{\"x\":" + new string('[', 64) + new string(']', 64) + "}"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such hostile case."),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Interview1(string rest) => Utf8("{" + Interview + "," + rest + "}");

    private static byte[] InterviewData(string data) => Interview1("\"changes\":{},\"data\":{" + data + "}");

    private static byte[] InterviewChanges(string changes) => Interview1("\"changes\":{" + changes + "},\"data\":{\"candidate_id\":\"c\"}");

    private static byte[] Call(string rest) => Utf8("{\"call_status\":\"call_completed\",\"call_id\":\"abc\"," + rest + "}");
}
