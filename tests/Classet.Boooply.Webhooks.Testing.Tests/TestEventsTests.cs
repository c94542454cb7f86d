using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Testing.Tests;

public sealed class TestEventsTests
{
    private const string Secret = "whsec_events-test";

    /// <summary>Every builder, by name, with the body a delivery of its default event sends.</summary>
    public static TheoryData<string> Builders => new(DefaultBodies().Keys);

    [Fact]
    public void DefaultBuilders_EveryDocumentedEvent_SendsTheVendorsExampleExactlyAsJsonStringifyWritesIt()
    {
        var bodies = DefaultBodies();

        var stringified = ReferenceJson.JavaScript([.. bodies.Values], indented: false);

        bodies.Values.Select(Convert.ToHexString).Should().Equal(stringified.Select(Convert.ToHexString));
        bodies.Keys.Should().BeEquivalentTo("interview-updated", "call-completed", "transcript", "evaluation", "scores", "recording");
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void DefaultBuilders_BodyOfEachDelivery_ParsesBackToTheSameEventType(string name)
    {
        var body = DefaultBodies()[name];

        if (name is "interview-updated" or "call-completed")
        {
            ClassetWebhookSerializer.Deserialize(body).EventType.Should().Be(name == "interview-updated" ? "candidate.interview.updated" : "call_completed");
        }
        else
        {
            BoooplyWebhookSerializer.Deserialize(body).EventType.Should().Be("interview." + name);
        }
    }

    [Fact]
    public void Evaluation_Configure_ChangesTheFieldAndKeepsTheOthers()
    {
        var evaluation = BoooplyTestEvents.Evaluation(d => d with { CandidateName = "José Núñez", Recommendation = BoooplyRecommendation.Fail });

        var sent = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(BoooplyTestDeliveries.Create(evaluation, Secret).Body.Span);

        sent.Data.CandidateName.Should().Be("José Núñez");
        sent.Data.Recommendation.Should().Be(BoooplyRecommendation.Fail);
        sent.MeetingCode.Should().Be(BoooplyTestEvents.ExampleMeetingCode);
        sent.Data.JobRole.Should().Be("Senior Frontend Engineer");
    }

    [Fact]
    public void InterviewUpdated_Configure_ChangesTheEvent()
    {
        var updated = ClassetTestEvents.InterviewUpdated(e => e with { Data = e.Data with { CandidateId = "cand_other" } });

        var sent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(ClassetTestDeliveries.Create(updated, "c").Body.Span);

        sent.Data.CandidateId.Should().Be("cand_other");
        ClassetTestEvents.InterviewUpdated().Data.CandidateId.Should().Be(ClassetTestEvents.ExampleCandidateId);
    }

    [Fact]
    public void Builders_EachCall_ReturnsAFreshEvent()
    {
        BoooplyTestEvents.Scores().Should().NotBeSameAs(BoooplyTestEvents.Scores());
        BoooplyTestEvents.Scores().Data.Should().NotBeSameAs(BoooplyTestEvents.Scores().Data);
    }

    [Fact]
    public void Unknown_Boooply_IsAnUnknownEventWithTheRawBody()
    {
        var unknown = BoooplyTestEvents.Unknown("interview.highlights", """{"meetingCode":"m-7","clips":3}""");

        unknown.EventType.Should().Be("interview.highlights");
        unknown.MeetingCode.Should().Be("m-7");
        unknown.RawJson.GetProperty("data").GetProperty("clips").GetInt32().Should().Be(3);
        Encoding.UTF8.GetString(BoooplyTestDeliveries.Create(unknown, Secret).Body.Span)
            .Should().Be("""{"event":"interview.highlights","data":{"meetingCode":"m-7","clips":3}}""");
    }

    [Fact]
    public void Unknown_ClassetWithoutEventType_HasAnEmptyEventType()
    {
        var unknown = ClassetTestEvents.Unknown(string.Empty);

        unknown.EventType.Should().BeEmpty();
        unknown.RawJson.TryGetProperty("event", out _).Should().BeFalse();
    }

    [Fact]
    public void Unknown_DocumentedEventType_Throws()
    {
        var boooply = () => BoooplyTestEvents.Unknown(BoooplyEventTypes.Scores);
        var classet = () => ClassetTestEvents.Unknown(ClassetEventTypes.InterviewUpdated, """{"candidate_id":"c"}""");

        boooply.Should().Throw<ArgumentException>();
        classet.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(WebhookTestMalformation.TrailingComma)]
    [InlineData(WebhookTestMalformation.Truncated)]
    [InlineData(WebhookTestMalformation.WrongType)]
    [InlineData(WebhookTestMalformation.MissingRequiredField)]
    public void MalformedBody_EveryKind_IsRejectedByTheVendorsDeserializer(WebhookTestMalformation kind)
    {
        BoooplyWebhookSerializer.TryDeserialize(BoooplyTestEvents.MalformedBody(kind), out _, out var boooplyError).Should().BeFalse();
        ClassetWebhookSerializer.TryDeserialize(ClassetTestEvents.MalformedBody(kind), out _, out var classetError).Should().BeFalse();
        boooplyError!.Message.Should().NotBeEmpty();
        classetError!.Message.Should().NotBeEmpty();
    }

    private static Dictionary<string, byte[]> DefaultBodies()
    {
#pragma warning disable CS0618 // The deprecated event is still documented and delivered.
        return new()
        {
            ["interview-updated"] = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), "c").Body.ToArray(),
            ["call-completed"] = ClassetTestDeliveries.Create(ClassetTestEvents.CallCompleted(), "c").Body.ToArray(),
            ["transcript"] = BoooplyTestDeliveries.Create(BoooplyTestEvents.Transcript(), Secret).Body.ToArray(),
            ["evaluation"] = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray(),
            ["scores"] = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret).Body.ToArray(),
            ["recording"] = BoooplyTestDeliveries.Create(BoooplyTestEvents.Recording(), Secret).Body.ToArray(),
        };
#pragma warning restore CS0618
    }
}
