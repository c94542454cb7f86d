using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Internal;
using FluentAssertions;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// The hand-written transcript entry reader must give exactly what the generated binder gives, or decline so the
/// generated binder runs: these compare the public result with a bind through the generated context alone.
/// </summary>
public sealed class BoooplyTranscriptEntryReaderTests
{
    public static TheoryData<string, string> Entries() => new()
    {
        { "plain", """{"speaker":"AI","text":"Hi","startMs":12400,"endMs":28900}""" },
        { "nulls", """{"speaker":null,"text":null,"startMs":null,"endMs":null}""" },
        { "empty", "{}" },
        { "fractional and exponent", """{"startMs":12.5,"endMs":1.24E4}""" },
        { "negative zero", """{"startMs":-0}""" },
        { "escaped names and text", """{"sp\u0065aker":"Zo\u00eb","t\u0065xt":"line\nbreak \"quoted\""}""" },
        { "unknown fields", """{"speaker":"AI","confidence":0.93,"words":[{"w":"hi"}],"meta":{"a":{"b":[1,2,{}]}}}""" },
        { "unknown field named like a known one in another case", """{"Speaker":"AI","STARTMS":"x"}""" },
        { "keys named like the ignored Start and End members", """{"Start":1,"end":"x","extra":true}""" },
        { "duplicate known field", """{"speaker":"first","speaker":"second"}""" },
        { "duplicate unknown field", """{"extra":1,"extra":2}""" },
        { "decimal beyond long", """{"startMs":79228162514264337593543950335}""" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Deserialize_TranscriptEntry_MatchesGeneratedBinder(string name, string entry)
    {
        var body = Body(entry);

        var expected = ReferenceBind(body);
        var actual = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(body);

        var expectedEntry = expected.Data!.Transcript!.Single();
        var actualEntry = actual.Data.Transcript!.Single();
        actualEntry.Speaker.Should().Be(expectedEntry.Speaker, name);
        actualEntry.Text.Should().Be(expectedEntry.Text, name);
        actualEntry.StartMs.Should().Be(expectedEntry.StartMs, name);
        actualEntry.EndMs.Should().Be(expectedEntry.EndMs, name);
        Raw(actualEntry.ExtensionData).Should().Equal(Raw(expectedEntry.ExtensionData), name);
    }

    public static TheoryData<string, string, string> BadEntries() => new()
    {
        { "startMs string", """{"startMs":"12400"}""", "$.data.transcript[0].startMs" },
        { "startMs out of decimal range", """{"startMs":1e300}""", "$.data.transcript[0].startMs" },
        { "endMs boolean", """{"endMs":true}""", "$.data.transcript[0].endMs" },
        { "speaker number", """{"speaker":42}""", "$.data.transcript[0].speaker" },
        { "text object", """{"text":{"a":1}}""", "$.data.transcript[0].text" },
        { "entry is a number", "42", "$.data.transcript[0]" },
        { "entry is an array", "[]", "$.data.transcript[0]" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Deserialize_MalformedTranscriptEntry_FailsWithGeneratedBinderPath(string name, string entry, string path)
    {
        var body = Body(entry);

        var ok = BoooplyWebhookSerializer.TryDeserialize(body, out _, out var error);

        ok.Should().BeFalse(name);
        error!.Path.Should().Be(path, name);
        error.Path.Should().Be(ReferenceError(body).Path, name);
    }

    [Fact]
    public void Deserialize_NullTranscriptEntry_KeepsNull()
    {
        var actual = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(Body("null"));

        actual.Data.Transcript.Should().ContainSingle().Which.Should().BeNull();
    }

    [Fact]
    public void Deserialize_UnknownFieldNestedPastDepthLimit_FailsWithPayloadException()
    {
        var deep = new string('[', 70) + new string(']', 70);

        var ok = BoooplyWebhookSerializer.TryDeserialize(Body($$"""{"extra":{{deep}}}"""), out _, out var error);

        ok.Should().BeFalse();
        error.Should().NotBeNull();
    }

    private static byte[] Body(string entry) =>
        Encoding.UTF8.GetBytes($$$"""{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{{{entry}}}]}}""");

    private static BoooplyEnvelope<BoooplyTranscriptData> ReferenceBind(byte[] body) =>
        JsonSerializer.Deserialize(body, BoooplyJsonContext.Wire.BoooplyEnvelopeBoooplyTranscriptData)!;

    private static WebhookPayloadException ReferenceError(byte[] body)
    {
        try
        {
            WebhookJson.Deserialize(body, BoooplyJsonContext.Wire.BoooplyEnvelopeBoooplyTranscriptData);
        }
        catch (WebhookPayloadException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The generated binder accepted a body the test expects it to reject.");
    }

    private static List<KeyValuePair<string, string>> Raw(IDictionary<string, JsonElement>? extensionData) =>
        extensionData?.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.GetRawText())).ToList() ?? [];
}
