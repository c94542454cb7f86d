using Classet.Boooply.Webhooks.Classet;

// The deprecated event is still delivered; these tests check its conveniences.
#pragma warning disable CS0618

namespace Classet.Boooply.Webhooks.Tests.Classet;

public sealed class ClassetCallCompletedEventTests
{
    [Fact]
    public void EventType_IsCallCompletedAndNotOnTheWire()
    {
        var webhookEvent = new ClassetCallCompletedEvent { CallId = "c" };

        webhookEvent.EventType.Should().Be(ClassetEventTypes.CallCompleted);
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be("""{"call_id":"c"}""");
    }

    [Fact]
    public void CallDetails_WholeNumbers_Convert()
    {
        var details = new ClassetCallDetails
        {
            DurationSeconds = 300,
            StartTimeUnixSeconds = 1737073800,
            EndTimeUnixSeconds = 1737074100,
            EndToEndLatencyMilliseconds = 120,
        };

        details.Duration.Should().Be(TimeSpan.FromMinutes(5));
        details.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1737073800));
        details.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1737074100));
        details.EndToEndLatency.Should().Be(TimeSpan.FromMilliseconds(120));
        details.StartedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Deserialize_FractionalCallDetails_RoundToTheNearestWholeUnitAndKeepTheirText()
    {
        const string json = """{"call_id":"c","call_details":{"duration":12.5,"start_time":1737073800.25,"end_time":1737073812.75,"e2e_latency":95.5}}""";

        var details = ((ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(json)).CallDetails!;

        details.DurationSeconds.Should().Be(13);
        details.StartTimeUnixSeconds.Should().Be(1737073800);
        details.EndTimeUnixSeconds.Should().Be(1737073813);
        details.EndToEndLatencyMilliseconds.Should().Be(96);
        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(json)).Should().Be(json);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(1_000_000_000_000_000)]
    public void CallDetails_OutOfRangeNumbers_GiveNullConveniences(long value)
    {
        var details = new ClassetCallDetails
        {
            DurationSeconds = value,
            StartTimeUnixSeconds = value,
            EndTimeUnixSeconds = value,
            EndToEndLatencyMilliseconds = value,
        };

        details.Duration.Should().BeNull();
        details.StartedAt.Should().BeNull();
        details.EndedAt.Should().BeNull();
        details.EndToEndLatency.Should().BeNull();
    }

    [Fact]
    public void CallDetails_Absent_GiveNullConveniences()
    {
        var details = new ClassetCallDetails();

        details.Duration.Should().BeNull();
        details.StartedAt.Should().BeNull();
        details.EndToEndLatency.Should().BeNull();
    }

    [Fact]
    public void TranscriptWord_Offsets_AreTimeSpans()
    {
        var word = new ClassetTranscriptWord { StartSeconds = 1.25m, EndSeconds = 1.5m, Word = "Yes" };

        word.Start.Should().Be(TimeSpan.FromMilliseconds(1250));
        word.End.Should().Be(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void Serialize_ConveniencesAreNotWritten()
    {
        var webhookEvent = new ClassetCallCompletedEvent
        {
            CallDetails = new ClassetCallDetails { DurationSeconds = 300, StartTimeUnixSeconds = 1737073800 },
            Transcript = [new ClassetTranscriptEntry { Role = "user", Words = [new ClassetTranscriptWord { StartSeconds = 0, EndSeconds = 0.5m, Word = "Hello?" }] }],
        };

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(
            """{"transcript":[{"role":"user","words":[{"start":0,"end":0.5,"word":"Hello?"}]}],"call_details":{"duration":300,"start_time":1737073800}}""");
    }
}
