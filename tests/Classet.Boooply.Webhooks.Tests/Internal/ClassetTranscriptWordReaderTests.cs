using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal;
using FluentAssertions;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// The hand-written transcript word reader must give exactly what the generated binder gives, or decline so the
/// generated binder runs: these compare the public result with a bind through the generated context alone.
/// </summary>
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
public sealed class ClassetTranscriptWordReaderTests
{
    public static TheoryData<string, string> Words() => new()
    {
        { "plain", """{"start":0,"end":0.5,"word":"Hello?"}""" },
        { "nulls", """{"start":null,"end":null,"word":null}""" },
        { "empty", "{}" },
        { "exponent and negative zero", """{"start":1.5E2,"end":-0}""" },
        { "escaped names and text", """{"st\u0061rt":1,"w\u006frd":"caf\u00e9 \"x\""}""" },
        { "unknown fields", """{"word":"hi","confidence":0.93,"meta":{"a":[1,{"b":null}]}}""" },
        { "unknown field named like a known one in another case", """{"Start":"x","WORD":1}""" },
        { "keys named like the ignored Start and End members", """{"End":"x","START":1,"extra":true}""" },
        { "duplicate known field", """{"word":"first","word":"second"}""" },
        { "duplicate unknown field", """{"extra":1,"extra":2}""" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Deserialize_TranscriptWord_MatchesGeneratedBinder(string name, string word)
    {
        var body = Body(word);

        var expected = JsonSerializer.Deserialize(body, ClassetJsonContext.Default.ClassetCallCompletedEvent)!;
        var actual = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(body);

        var expectedWord = expected.Transcript!.Single().Words!.Single();
        var actualWord = actual.Transcript!.Single().Words!.Single();
        actualWord.StartSeconds.Should().Be(expectedWord.StartSeconds, name);
        actualWord.EndSeconds.Should().Be(expectedWord.EndSeconds, name);
        actualWord.Word.Should().Be(expectedWord.Word, name);
        Raw(actualWord.ExtensionData).Should().Equal(Raw(expectedWord.ExtensionData), name);
    }

    public static TheoryData<string, string, string> BadWords() => new()
    {
        { "start string", """{"start":"0"}""", "$.transcript[0].words[0].start" },
        { "start beyond double", """{"start":1e400}""", "$.transcript[0].words[0].start" },
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
    }

    [Fact]
    public void Deserialize_UnknownWordFieldNestedPastDepthLimit_FailsWithPayloadException()
    {
        var deep = new string('[', 70) + new string(']', 70);

        var ok = ClassetWebhookSerializer.TryDeserialize(Body($$"""{"extra":{{deep}}}"""), out _, out var error);

        ok.Should().BeFalse();
        error.Should().NotBeNull();
    }

    private static byte[] Body(string word) =>
        Encoding.UTF8.GetBytes($$$"""{"call_status":"call_completed","call_id":"abc","transcript":[{"role":"user","words":[{{{word}}}]}]}""");

    private static List<KeyValuePair<string, string>> Raw(IDictionary<string, JsonElement>? extensionData) =>
        extensionData?.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.GetRawText())).ToList() ?? [];
}
#pragma warning restore CS0618
