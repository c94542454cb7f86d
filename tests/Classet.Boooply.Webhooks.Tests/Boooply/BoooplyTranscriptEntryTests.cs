using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>
/// One transcript entry in every shape the wire allows: what each member reads as, what is kept as unknown, and that
/// the body comes back byte for byte.
/// </summary>
public sealed class BoooplyTranscriptEntryTests
{
    public static TheoryData<string, string, string?, string?, long?, long?, string> Entries() => new()
    {
        { "plain", """{"speaker":"AI","text":"Hi","startMs":12400,"endMs":28900}""", "AI", "Hi", 12400, 28900, "" },
        { "nulls", """{"speaker":null,"text":null,"startMs":null,"endMs":null}""", null, null, null, null, "" },
        { "empty", "{}", null, null, null, null, "" },
        { "fraction and exponent", """{"startMs":12.5,"endMs":1.24E4}""", null, null, 13, 12400, "" },
        { "negative zero", """{"startMs":-0}""", null, null, 0, null, "" },
        { "escaped names and text", """{"sp\u0065aker":"Zo\u00eb","t\u0065xt":"line\nbreak \"quoted\""}""", "Zoë", "line\nbreak \"quoted\"", null, null, "" },
        { "unknown members", """{"speaker":"AI","confidence":0.93,"words":[{"w":"hi"}],"meta":{"a":{"b":[1,2,{}]}}}""", "AI", null, null, null, "confidence,words,meta" },
        { "a known name in another case", """{"Speaker":"AI","STARTMS":"x"}""", null, null, null, null, "Speaker,STARTMS" },
        { "keys named like the Start and End conveniences", """{"start":1,"end":"x","Start":2,"extra":true}""", null, null, null, null, "start,end,Start,extra" },
        { "integer as large as a long", """{"startMs":9223372036854775807}""", null, null, long.MaxValue, null, "" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Deserialize_TranscriptEntry_ReadsEachMemberAndWritesTheBodyBack(
        string name, string entry, string? speaker, string? text, long? startMs, long? endMs, string unknown)
    {
        var body = Body(entry);

        var webhookEvent = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(body);

        var read = webhookEvent.Data.Transcript!.Single();
        read.Speaker.Should().Be(speaker, name);
        read.Text.Should().Be(text, name);
        read.StartMs.Should().Be(startMs, name);
        read.EndMs.Should().Be(endMs, name);
        string.Join(",", read.ExtensionData?.Keys ?? []).Should().Be(unknown, name);
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(Encoding.UTF8.GetString(body), name);
    }

    [Fact]
    public void Deserialize_RepeatedKey_TheLastOneWinsAndIsWrittenOnceWhereTheFirstWas()
    {
        var webhookEvent = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(Body("""{"speaker":"first","text":"t","speaker":"second","x":1,"x":2}"""));

        var read = webhookEvent.Data.Transcript!.Single();
        read.Speaker.Should().Be("second");
        read.ExtensionData!["x"].GetInt32().Should().Be(2);
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Contain("""{"speaker":"second","text":"t","x":2}""");
    }

    public static TheoryData<string, string, string> BadEntries() => new()
    {
        { "startMs string", """{"startMs":"12400"}""", "$.data.transcript[0].startMs" },
        { "startMs beyond a long", """{"startMs":1e300}""", "$.data.transcript[0].startMs" },
        { "endMs boolean", """{"endMs":true}""", "$.data.transcript[0].endMs" },
        { "speaker number", """{"speaker":42}""", "$.data.transcript[0].speaker" },
        { "text object", """{"text":{"a":1}}""", "$.data.transcript[0].text" },
        { "entry is a number", "42", "$.data.transcript[0]" },
        { "entry is an array", "[]", "$.data.transcript[0]" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Deserialize_MalformedTranscriptEntry_FailsAtItsPath(string name, string entry, string path)
    {
        var ok = BoooplyWebhookSerializer.TryDeserialize(Body(entry), out _, out var error);

        ok.Should().BeFalse(name);
        error!.Path.Should().Be(path, name);
        error.InnerException.Should().BeNull("the parser's own message can quote the body");
    }

    [Fact]
    public void Deserialize_NullTranscriptEntry_KeepsNull()
    {
        var actual = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(Body("null"));

        actual.Data.Transcript.Should().ContainSingle().Which.Should().BeNull();
        BoooplyWebhookSerializer.Serialize(actual).Should().Contain("\"transcript\":[null]");
    }

    [Fact]
    public void Deserialize_UnknownMemberNestedPastDepthLimit_FailsWithPayloadException()
    {
        var deep = new string('[', 70) + new string(']', 70);

        var ok = BoooplyWebhookSerializer.TryDeserialize(Body($$"""{"extra":{{deep}}}"""), out _, out var error);

        ok.Should().BeFalse();
        error!.Message.Should().Contain("nested deeper");
    }

    private static byte[] Body(string entry) =>
        Encoding.UTF8.GetBytes($$$"""{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{{{entry}}}]}}""");
}
