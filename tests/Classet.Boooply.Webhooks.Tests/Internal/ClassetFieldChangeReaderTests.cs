using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal;
using FluentAssertions;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// The hand-written field change reader must give exactly what the generated binder gives, or decline so the
/// generated binder runs: these compare the public result with a bind through the generated context alone.
/// </summary>
public sealed class ClassetFieldChangeReaderTests
{
    public static TheoryData<string, string> Changes() => new()
    {
        { "null to string", """{"from":null,"to":"completed"}""" },
        { "literals", """{"from":true,"to":false}""" },
        { "missing sides", "{}" },
        { "only to", """{"to":null}""" },
        { "numbers and containers", """{"from":1.5e3,"to":{"a":[1,null,{"b":"c"}]}}""" },
        { "escaped names", """{"fr\u006fm":"x","t\u006f":"y"}""" },
        { "unknown fields", """{"from":null,"to":1,"changed_by":"recruiter","at":{"t":1}}""" },
        { "names in another case", """{"From":1,"TO":2}""" },
        { "duplicate known field", """{"to":"first","to":"second"}""" },
        { "duplicate unknown field", """{"extra":1,"extra":2}""" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Deserialize_FieldChange_MatchesGeneratedBinder(string name, string change)
    {
        var body = Body(change);

        var expected = JsonSerializer.Deserialize(body, ClassetJsonContext.Default.ClassetInterviewUpdatedEvent)!.Changes["custom_field"];
        var actual = ((ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(body)).Changes["custom_field"];

        actual.From.ValueKind.Should().Be(expected.From.ValueKind, name);
        actual.To.ValueKind.Should().Be(expected.To.ValueKind, name);
        Raw(actual.From).Should().Be(Raw(expected.From), name);
        Raw(actual.To).Should().Be(Raw(expected.To), name);
        (actual.ExtensionData?.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.GetRawText())).ToList() ?? [])
            .Should().Equal(expected.ExtensionData?.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.GetRawText())).ToList() ?? [], name);
    }

    [Fact]
    public void Deserialize_NullLiteralsInTwoEvents_AreIndependentValues()
    {
        var first = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(Body("""{"from":null,"to":true}"""));
        var second = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(Body("""{"from":null,"to":false}"""));

        first.Changes["custom_field"].From.ValueKind.Should().Be(JsonValueKind.Null);
        second.Changes["custom_field"].From.GetRawText().Should().Be("null");
        first.Changes["custom_field"].To.GetBoolean().Should().BeTrue();
        second.Changes["custom_field"].To.GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("42", "$.changes.custom_field")]
    [InlineData("\"x\"", "$.changes.custom_field")]
    [InlineData("[]", "$.changes.custom_field")]
    public void Deserialize_FieldChangeNotAnObject_FailsAtItsPath(string change, string path)
    {
        var ok = ClassetWebhookSerializer.TryDeserialize(Body(change), out _, out var error);

        ok.Should().BeFalse();
        error!.Path.Should().Be(path);
    }

    private static byte[] Body(string change) =>
        Encoding.UTF8.GetBytes($$$"""{"event":"candidate.interview.updated","changes":{"custom_field":{{{change}}}},"data":{"candidate_id":"c1"}}""");

    private static string? Raw(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? null : element.GetRawText();
}
