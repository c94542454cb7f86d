using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>A key that appears twice is read the way <c>JSON.parse</c> reads it, on every path: the last one wins.</summary>
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
public sealed class RepeatedKeyTests
{
    [Fact]
    public void Boooply_TwoEventKeys_TheLastOneDecidesTheType()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(
            """{"event":"interview.scores","data":{"meetingCode":"m","transcript":[{"speaker":"AI","startMs":1}]},"event":"interview.transcript"}""");

        webhookEvent.Should().BeOfType<BoooplyTranscriptEvent>().Which.Data.Transcript.Should().ContainSingle();
        webhookEvent.EventType.Should().Be("interview.transcript");
        webhookEvent.IdempotencyKey.Should().Be("m:interview.transcript");
    }

    [Fact]
    public void Boooply_TwoEventKeys_LastOneUnknown_IsAnUnknownEvent()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m"},"event":"interview.started"}""");

        webhookEvent.Should().BeOfType<BoooplyUnknownEvent>().Which.EventType.Should().Be("interview.started");
    }

    [Fact]
    public void Boooply_TwoEventKeys_FirstUnknownLastKnown_IsTheKnownEvent()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"interview.started","data":{"meetingCode":"m","overallRating":3},"event":"interview.scores"}""");

        webhookEvent.Should().BeOfType<BoooplyScoresEvent>().Which.Data.OverallRating.Should().Be(3);
    }

    [Fact]
    public void Boooply_TwoEventKeys_DataOnlyValidForTheLast_IsTheLastEvent()
    {
        // The first "event" says scores, whose overallRating is a number; the data only fits the event that wins.
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(
            """{"event":"interview.scores","data":{"meetingCode":"m","overallRating":"not a number"},"event":"interview.started"}""");

        webhookEvent.Should().BeOfType<BoooplyUnknownEvent>();
    }

    [Fact]
    public void Boooply_TwoDataKeys_TheLastOneIsRead()
    {
        var webhookEvent = (BoooplyScoresEvent)BoooplyWebhookSerializer.Deserialize(
            """{"event":"interview.scores","data":{"meetingCode":"first","overallRating":1},"data":{"meetingCode":"second","overallRating":2}}""");

        webhookEvent.MeetingCode.Should().Be("second");
        webhookEvent.Data.OverallRating.Should().Be(2);
    }

    [Fact]
    public void Boooply_LastDataWithoutMeetingCode_IsRejectedEvenIfAnEarlierOneHadIt()
    {
        var ok = BoooplyWebhookSerializer.TryDeserialize(
            """{"event":"interview.scores","data":{"meetingCode":"first"},"data":{"overallRating":2}}""", out _, out var error);

        ok.Should().BeFalse();
        error!.Path.Should().Be("$.data.meetingCode");
    }

    [Fact]
    public void Boooply_TwoEventKeysWithoutTheLeadingShortcut_TheLastOneWins()
    {
        // "event" not first: the body goes through the walker, which must agree with the binder.
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(
            """{"data":{"meetingCode":"m"},"event":"interview.recording","event":"interview.scores"}""");

        webhookEvent.Should().BeOfType<BoooplyScoresEvent>();
    }

    [Fact]
    public void Classet_TwoEventKeys_TheLastOneDecidesTheType()
    {
        var interview = ClassetWebhookSerializer.Deserialize(
            """{"event":"call_completed","call_id":"c","event":"candidate.interview.updated","changes":{},"data":{}}""");
        var call = ClassetWebhookSerializer.Deserialize(
            """{"event":"candidate.interview.updated","changes":{},"data":{},"event":"call_completed","call_id":"c"}""");

        interview.Should().BeOfType<ClassetInterviewUpdatedEvent>();
        call.Should().BeOfType<ClassetCallCompletedEvent>().Which.CallId.Should().Be("c");
    }

    [Fact]
    public void Classet_TwoDataKeys_TheLastOneIsRead()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(
            """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"first"},"data":{"candidate_id":"second"}}""");

        webhookEvent.Data.CandidateId.Should().Be("second");
    }

    [Fact]
    public void BothVendors_AgreeWithJsonParse()
    {
        // What node's JSON.parse keeps for these bodies, spelled out: the last value of each key.
        var boooply = BoooplyWebhookSerializer.Deserialize(Encoding.UTF8.GetBytes(
            """{"event":"interview.recording","event":"interview.scores","data":{"meetingCode":"a","meetingCode":"b","scores":{"overall":1,"overall":2}}}"""));

        var scores = boooply.Should().BeOfType<BoooplyScoresEvent>().Subject;
        scores.MeetingCode.Should().Be("b");
        scores.Data.Scores!.Overall.Should().Be(2);
    }
}
#pragma warning restore CS0618
