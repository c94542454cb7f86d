using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.Boooply;
using Classet.Boooply.Webhooks.Tests.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>
/// The rule for <c>ToString()</c>: a record shows its type name and, for events, the event type and meeting code; nothing
/// else from the body, because records end up in logs and bodies carry candidates' personal data.
/// </summary>
public sealed class RecordToStringTests
{
    public static TheoryData<string> Bodies() => RecordValueEqualityTests.Bodies();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ToString_OfEveryRecordInADocumentedExample_ShowsNoBodyText(string body)
    {
        var text = body.StartsWith("boooply/", StringComparison.Ordinal)
            ? BoooplyTestData.FixtureText(body["boooply/".Length..])
            : ClassetFixtures.Text(body["classet/".Length..]);
        var webhookEvent = body.StartsWith("boooply/", StringComparison.Ordinal)
            ? (object)BoooplyWebhookSerializer.Deserialize(text)
            : ClassetWebhookSerializer.Deserialize(text);
        var identifiers = new[] { "Boooply-AI-1234567890", "interview.transcript", "interview.evaluation", "interview.scores", "interview.recording", "candidate.interview.updated", "call_completed" };
        // Values that are part of an identifier ("Complete" in call_completed) would be found for the wrong reason.
        var values = StringValues(JsonDocument.Parse(text).RootElement)
            .Where(value => value.Length >= 3 && !identifiers.Any(identifier => identifier.Contains(value, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        values.Should().HaveCountGreaterThan(3);

        foreach (var record in PayloadGraph.Records(webhookEvent))
        {
            var printed = record.ToString()!;
            printed.Should().StartWith(record.GetType().Name);
            foreach (var value in values)
            {
                printed.Should().NotContain(value, $"{record.GetType().Name}.ToString() must not print body text");
            }
        }
    }

    [Fact]
    public void ToString_Events_ShowTheirTypeAndIdentifiers()
    {
        var evaluation = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(BoooplyTestData.Evaluation));
        var interview = ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated));

        evaluation.ToString().Should().Be("BoooplyEvaluationEvent { EventType = interview.evaluation, MeetingCode = Boooply-AI-1234567890 }");
        ((BoooplyEvaluationEvent)evaluation).Data.ToString().Should().Be("BoooplyEvaluationData { MeetingCode = Boooply-AI-1234567890 }");
        ((BoooplyEvaluationEvent)evaluation).Data.Scores!.ToString().Should().Be("BoooplyScores { }");
        interview.ToString().Should().Be("ClassetInterviewUpdatedEvent { EventType = candidate.interview.updated }");
        ((ClassetInterviewUpdatedEvent)interview).GetOutcomeChange().ToString().Should().Be("ClassetChange { }");
    }

    [Fact]
    public void ToString_UnknownEvents_DoNotPrintTheirBody()
    {
        const string Marker = "MARKER-Jane-Doe-555-0100";
        var boooply = BoooplyWebhookSerializer.Deserialize("{\"event\":\"interview.started\",\"data\":{\"meetingCode\":\"m-1\",\"candidateName\":\"" + Marker + "\"}}");
        var classet = ClassetWebhookSerializer.Deserialize("{\"event\":\"candidate.created\",\"note\":\"" + Marker + "\"}");

        boooply.ToString().Should().Be("BoooplyUnknownEvent { EventType = interview.started, MeetingCode = m-1 }");
        classet.ToString().Should().Be("ClassetUnknownEvent { EventType = candidate.created }");
    }

    [Theory]
    [InlineData("Jane Doe called")]
    [InlineData("interview.\nforged")]
    [InlineData("an-identifier-longer-than-sixty-four-characters-is-not-shown-either-0123456789")]
    public void ToString_IdentifierThatIsNotOne_IsNotShown(string eventType)
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(
            "{\"event\":" + JsonSerializer.Serialize(eventType, ClassetTestJsonContext.Default.String) + ",\"data\":{\"meetingCode\":\"Jane Doe\"}}");

        webhookEvent.ToString().Should().Be("BoooplyUnknownEvent { EventType = (not shown), MeetingCode = (not shown) }");
    }

    private static IEnumerable<string> StringValues(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var value in StringValues(property.Value))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var value in StringValues(item))
                    {
                        yield return value;
                    }
                }

                break;
        }
    }
}
