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
    public void CallDetails_FractionalNumbers_ConvertExactly()
    {
        var details = new ClassetCallDetails
        {
            DurationSeconds = 12.5,
            StartTimeUnixSeconds = 1737073800.25,
            EndTimeUnixSeconds = 1737073812.75,
            EndToEndLatencyMilliseconds = 95.5,
        };

        details.Duration.Should().Be(TimeSpan.FromMilliseconds(12_500));
        details.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1737073800250));
        details.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1737073812750));
        details.EndToEndLatency.Should().Be(TimeSpan.FromTicks(955_000));
        details.StartedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(double.MaxValue)]
    [InlineData(-double.MaxValue)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e15)]
    public void CallDetails_OutOfRangeNumbers_GiveNullConveniences(double value)
    {
        var details = new ClassetCallDetails
        {
            DurationSeconds = value,
            StartTimeUnixSeconds = value,
            EndTimeUnixSeconds = value,
            EndToEndLatencyMilliseconds = value * 1e10,
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
        var word = new ClassetTranscriptWord { StartSeconds = 1.25, EndSeconds = 1.5, Word = "Yes" };

        word.Start.Should().Be(TimeSpan.FromMilliseconds(1250));
        word.End.Should().Be(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void Serialize_ConveniencesAreNotWritten()
    {
        var webhookEvent = new ClassetCallCompletedEvent
        {
            CallDetails = new ClassetCallDetails { DurationSeconds = 300, StartTimeUnixSeconds = 1737073800 },
            Transcript = [new ClassetTranscriptEntry { Role = "user", Words = [new ClassetTranscriptWord { StartSeconds = 0, EndSeconds = 0.5, Word = "Hello?" }] }],
        };

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(
            """{"transcript":[{"role":"user","words":[{"start":0,"end":0.5,"word":"Hello?"}]}],"call_details":{"duration":300,"start_time":1737073800}}""");
    }
}
