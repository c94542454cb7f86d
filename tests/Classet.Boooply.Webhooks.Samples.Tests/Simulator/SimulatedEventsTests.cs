using System.Text.Encodings.Web;
using System.Text.Json;
using Classet.Boooply.Webhooks.Samples.Simulator;

namespace Classet.Boooply.Webhooks.Samples.Tests.Simulator;

public sealed class SimulatedEventsTests
{
    public static TheoryData<string> EventNames => new(SimulatedEvents.All.Select(e => e.CommandLine));

    [Theory]
    [MemberData(nameof(EventNames))]
    public void GetBody_EveryDocumentedEvent_IsCompactJsonAsJsonStringifyProducesIt(string commandLine)
    {
        var simulated = SimulatedEvents.All.Single(e => e.CommandLine == commandLine);

        var body = simulated.GetBody();

        // The examples are ASCII, so relaxed-escaping Utf8JsonWriter output is exactly JSON.stringify's.
        using var document = JsonDocument.Parse(body);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        body.Should().Equal(buffer.ToArray());
        body.Should().OnlyContain(b => b < 0x80);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void GetBody_EveryDocumentedEvent_CarriesItsEventTypeExceptCallCompleted(string commandLine)
    {
        var simulated = SimulatedEvents.All.Single(e => e.CommandLine == commandLine);

        using var document = JsonDocument.Parse(simulated.GetBody());

        if (simulated == SimulatedEvents.ClassetCallCompleted)
        {
            // Classet's deprecated event has no "event" property; it is recognised by its shape.
            document.RootElement.TryGetProperty("event", out _).Should().BeFalse();
            document.RootElement.GetProperty("call_id").GetString().Should().Be("abcdef123456");
        }
        else
        {
            document.RootElement.GetProperty("event").GetString().Should().Be(simulated.EventType);
        }
    }

    [Fact]
    public void All_CoversEveryDocumentedEventOfBothVendors()
    {
        SimulatedEvents.All.Select(e => e.EventType).Should().BeEquivalentTo(
            "candidate.interview.updated",
            "call_completed",
            "interview.transcript",
            "interview.evaluation",
            "interview.scores",
            "interview.recording");
    }

    [Theory]
    [InlineData(WebhookVendor.Boooply, "evaluation", "interview.evaluation")]
    [InlineData(WebhookVendor.Boooply, "INTERVIEW.SCORES", "interview.scores")]
    [InlineData(WebhookVendor.Classet, "call-completed", "call_completed")]
    [InlineData(WebhookVendor.Classet, "candidate.interview.updated", "candidate.interview.updated")]
    public void Find_ShortOrWireName_FindsTheEvent(WebhookVendor vendor, string name, string expectedEventType)
    {
        SimulatedEvents.Find(vendor, name)!.EventType.Should().Be(expectedEventType);
    }

    [Theory]
    [InlineData(WebhookVendor.Classet, "evaluation")]
    [InlineData(WebhookVendor.Boooply, "interview-updated")]
    [InlineData(WebhookVendor.Boooply, "")]
    public void Find_EventOfTheOtherVendorOrUnknown_ReturnsNull(WebhookVendor vendor, string name)
    {
        SimulatedEvents.Find(vendor, name).Should().BeNull();
    }
}
