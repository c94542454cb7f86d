using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>
/// A payload error says what and where, never what the body said: no body text in its message, its path (beyond member
/// names that look like identifiers), its <c>ToString()</c>, and no inner exception whose message could quote the body.
/// </summary>
public sealed class PayloadErrorTextTests
{
    private const string Marker = "Jane MARKER-7f3a Doe";

    public static TheoryData<string, string> Bodies() => new()
    {
        { "boooply", $$$"""{"event":"interview.scores","data":{"meetingCode":"m","candidateName":"{{{Marker}}}" x}}""" },
        { "boooply", $$$"""{"event":"interview.scores","data":{"meetingCode":"m","overallRating":"{{{Marker}}}"}}""" },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m","scores":{"overall":""" + Marker + "}}}" },
        { "boooply", $$$"""{"event":"interview.scores","data":{"meetingCode":"m","{{{Marker}}}":1,"timestamp":"{{{Marker}}}"}}""" },
        { "boooply", $$$"""{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{"text":"{{{Marker}}}","startMs":"{{{Marker}}}"}]}}""" },
        { "boooply", $$$"""{"event":"interview.scores","data":{"meetingCode":"m","note":"{{{Marker}}}""" },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m",""" + "\"" + Marker + "\":" + new string('[', 70) + "}}" },
        { "boooply", $$$"""{"event":"{{{Marker}}}","data":{"meetingCode":"m"},}""" },
        { "boooply", $$$"""["{{{Marker}}}"]""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{},"data":{"interview_summary":"{{{Marker}}}" ,,}}""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{},"data":{"interview_completed_at":"{{{Marker}}}"}}""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{"{{{Marker}}}":{"from":null,"to":1}},"data":{"interview_outcome":{{{Marker}}}}}""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{"{{{Marker}}}":null},"data":{}}""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":"{{{Marker}}}","to":7}},"data":{}}""" },
        { "classet", $$$"""{"event":"candidate.interview.updated","changes":{},"data":{"interview_custom_data":"{{{Marker}}}"}}""" },
        { "classet", $$$"""{"call_id":"c","{{{Marker}}}":{{{new string('{', 70)}}}""" },
        { "classet", $$$"""{"call_id":"c","call_details":{"duration":"{{{Marker}}}"}}""" },
        { "classet", $$$"""{"call_id":"c","transcript":[{"words":[{"word":"{{{Marker}}}","start":"{{{Marker}}}"}]}]}""" },
        { "classet", $$$"""{"event":7,"note":"{{{Marker}}}"}""" },
        { "classet", $$$"""{"note":"{{{Marker}}}\ud800"}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void MalformedBodyWithAMarker_ErrorCarriesNoBodyText(string vendor, string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        var ok = vendor == "boooply"
            ? BoooplyWebhookSerializer.TryDeserialize(utf8, out _, out var error)
            : ClassetWebhookSerializer.TryDeserialize(utf8, out _, out error);

        ok.Should().BeFalse(body);
        error!.InnerException.Should().BeNull(body);
        error.Message.Should().NotContain("MARKER", body).And.NotContain("Jane", body);
        error.ToString().Should().NotContain("MARKER", body);
        (error.Path ?? string.Empty).Should().NotContain("MARKER", body);
    }

    [Fact]
    public void InvalidUtf8AroundAMarker_ErrorCarriesNoBodyText()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"m\",\"note\":\"" + Marker), 0xC3, 0x28, .. "\"}}"u8];

        BoooplyWebhookSerializer.TryDeserialize(body, out _, out var boooply).Should().BeFalse();
        ClassetWebhookSerializer.TryDeserialize(body, out _, out var classet).Should().BeFalse();

        foreach (var error in new[] { boooply!, classet! })
        {
            error.InnerException.Should().BeNull();
            error.ToString().Should().NotContain("MARKER");
        }
    }

    [Theory]
    [InlineData(null, "$")]
    [InlineData("$", "$")]
    [InlineData("$.data.scores.overall", "$.data.scores.overall")]
    [InlineData("$.data.transcript[12].startMs", "$.data.transcript[12].startMs")]
    [InlineData("$.data['Jane Doe'].x", "$.data['…'].x")]
    [InlineData("$['a.b']['it''s']", "$['…']['…']")]
    [InlineData("$.data.Jane-Doe[0]", "$.data['…'][0]")]
    [InlineData("$.data[abc]", "$.data['…']")]
    public void Sanitize_HidesMemberNamesThatAreNotIdentifiers(string? path, string expected)
    {
        PayloadPath.Sanitize(path).Should().Be(expected);
    }
}
