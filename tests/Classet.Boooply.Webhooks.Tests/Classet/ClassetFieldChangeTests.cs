using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>One entry of <c>changes</c> in every shape the wire allows, read and written back byte for byte.</summary>
public sealed class ClassetFieldChangeTests
{
    public static TheoryData<string, string, string?, string?, string> Changes() => new()
    {
        { "null to string", """{"from":null,"to":"completed"}""", "null", "\"completed\"", "" },
        { "literals", """{"from":true,"to":false}""", "true", "false", "" },
        { "missing sides", "{}", null, null, "" },
        { "only to", """{"to":null}""", null, "null", "" },
        { "numbers and containers", """{"from":1.5e3,"to":{"a":[1,null,{"b":"c"}]}}""", "1.5e3", """{"a":[1,null,{"b":"c"}]}""", "" },
        { "escaped names", """{"fr\u006fm":"x","t\u006f":"y"}""", "\"x\"", "\"y\"", "" },
        { "unknown members", """{"from":null,"to":1,"changed_by":"recruiter","at":{"t":1}}""", "null", "1", "changed_by,at" },
        { "names in another case", """{"From":1,"TO":2}""", null, null, "From,TO" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Deserialize_FieldChange_ReadsBothSidesAndWritesTheBodyBack(string name, string change, string? from, string? to, string unknown)
    {
        var body = Body(change);

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(body);

        var read = webhookEvent.Changes["custom_field"];
        Raw(read.From).Should().Be(from, name);
        Raw(read.To).Should().Be(to, name);
        string.Join(",", read.ExtensionData?.Keys ?? []).Should().Be(unknown, name);
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(Encoding.UTF8.GetString(body), name);
    }

    [Fact]
    public void Deserialize_RepeatedKeys_TheLastOneWins()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(Body("""{"to":"first","extra":1,"to":"second","extra":2}"""));

        webhookEvent.Changes["custom_field"].To.GetString().Should().Be("second");
        webhookEvent.Changes["custom_field"].ExtensionData!["extra"].GetInt32().Should().Be(2);
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
