using System.Text;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>One word of a <c>call_completed</c> transcript in every shape the wire allows, read and written back byte for byte.</summary>
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
public sealed class ClassetTranscriptWordTests
{
    public static TheoryData<string, string, string?, string?, string?, string> Words() => new()
    {
        { "plain", """{"start":0,"end":0.5,"word":"Hello?"}""", "0", "0.5", "Hello?", "" },
        { "nulls", """{"start":null,"end":null,"word":null}""", null, null, null, "" },
        { "empty", "{}", null, null, null, "" },
        { "exponent and negative zero", """{"start":1.5E2,"end":-0}""", "150", "0", null, "" },
        { "escaped names and text", """{"st\u0061rt":1,"w\u006frd":"caf\u00e9 \"x\""}""", "1", null, "café \"x\"", "" },
        { "unknown members", """{"word":"hi","confidence":0.93,"meta":{"a":[1,{"b":null}]}}""", null, null, "hi", "confidence,meta" },
        { "a known name in another case", """{"Start":"x","WORD":1}""", null, null, null, "Start,WORD" },
        { "keys named like the conveniences", """{"End":"x","START":1,"extra":true}""", null, null, null, "End,START,extra" },
        { "more digits than a double holds", """{"start":0.1000000000000000000000000001}""", "0.1000000000000000000000000001", null, null, "" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Deserialize_TranscriptWord_ReadsEachMemberAndWritesTheBodyBack(string name, string word, string? start, string? end, string? text, string unknown)
    {
        var body = Body(word);

        var webhookEvent = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(body);

        var read = webhookEvent.Transcript!.Single().Words!.Single();
        read.StartSeconds.Should().Be(start is null ? null : decimal.Parse(start, System.Globalization.CultureInfo.InvariantCulture), name);
        read.EndSeconds.Should().Be(end is null ? null : decimal.Parse(end, System.Globalization.CultureInfo.InvariantCulture), name);
        read.Word.Should().Be(text, name);
        string.Join(",", read.ExtensionData?.Keys ?? []).Should().Be(unknown, name);
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(Encoding.UTF8.GetString(body), name);
    }

    public static TheoryData<string, string, string> BadWords() => new()
    {
        { "start string", """{"start":"0"}""", "$.transcript[0].words[0].start" },
        { "start beyond a decimal", """{"start":1e400}""", "$.transcript[0].words[0].start" },
        { "end boolean", """{"end":true}""", "$.transcript[0].words[0].end" },
        { "word number", """{"word":42}""", "$.transcript[0].words[0].word" },
        { "word is a number", "42", "$.transcript[0].words[0]" },
        { "word is null", "null", "$.transcript[0].words[0]" },
    };

    [Theory]
    [MemberData(nameof(BadWords))]
    public void Deserialize_MalformedTranscriptWord_FailsAtItsPath(string name, string word, string path)
    {
        var ok = ClassetWebhookSerializer.TryDeserialize(Body(word), out _, out var error);

        ok.Should().BeFalse(name);
        error!.Path.Should().Be(path, name);
        error.InnerException.Should().BeNull("the parser's own message can quote the body");
    }

    [Fact]
    public void Deserialize_UnknownWordMemberNestedPastDepthLimit_FailsWithPayloadException()
    {
        var deep = new string('[', 70) + new string(']', 70);

        var ok = ClassetWebhookSerializer.TryDeserialize(Body($$"""{"extra":{{deep}}}"""), out _, out var error);

        ok.Should().BeFalse();
        error!.Message.Should().Contain("nested deeper");
    }

    private static byte[] Body(string word) =>
        Encoding.UTF8.GetBytes($$$"""{"call_status":"call_completed","call_id":"abc","transcript":[{"role":"user","words":[{{{word}}}]}]}""");
}
#pragma warning restore CS0618
