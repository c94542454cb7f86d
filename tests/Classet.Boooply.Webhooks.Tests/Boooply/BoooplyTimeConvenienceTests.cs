using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyTimeConvenienceTests
{
    [Theory]
    [InlineData("02:15", 0, 2, 15, 0)]
    [InlineData("00:00", 0, 0, 0, 0)]
    [InlineData("59:59", 0, 59, 59, 0)]
    [InlineData("75:30", 1, 15, 30, 0)]
    [InlineData("1:02:15", 1, 2, 15, 0)]
    [InlineData("01:02:15", 1, 2, 15, 0)]
    [InlineData("02:15.5", 0, 2, 15, 500)]
    [InlineData(" 02:15 ", 0, 2, 15, 0)]
    public void TimestampOffset_InterviewOffset_Parsed(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        var question = new BoooplyQuestionAsked { Timestamp = text };

        question.TimestampOffset.Should().Be(new TimeSpan(0, hours, minutes, seconds, milliseconds));
        question.Timestamp.Should().Be(text, "the text is kept exactly as sent");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("135")]
    [InlineData("2:60")]
    [InlineData("1:60:00")]
    [InlineData("a:bc")]
    [InlineData("-1:15")]
    [InlineData("02:-5")]
    [InlineData("1:2:3:4")]
    [InlineData("2026-03-21T18:30:00.000Z")]
    [InlineData("99999999999:00")]
    [InlineData("02:1e3")]
    public void TimestampOffset_NotAnOffset_ReturnsNull(string? text)
    {
        new BoooplyQuestionAsked { Timestamp = text }.TimestampOffset.Should().BeNull();
    }

    [Fact]
    public void TranscriptEntry_AiInterview_HasStartButNoEnd()
    {
        var entry = new BoooplyTranscriptEntry { Speaker = "AI Interviewer", StartMs = 12400 };

        entry.Start.Should().Be(TimeSpan.FromMilliseconds(12400));
        entry.EndMs.Should().BeNull();
        entry.End.Should().BeNull();
    }

    [Fact]
    public void TranscriptEntry_OutOfRangeMilliseconds_ConvenienceIsNullNotThrow()
    {
        var entry = new BoooplyTranscriptEntry { StartMs = long.MaxValue, EndMs = long.MinValue };

        entry.Start.Should().BeNull();
        entry.End.Should().BeNull();
    }

    [Fact]
    public void Recording_Duration_FromSeconds()
    {
        new BoooplyRecordingData { MeetingCode = "m", DurationSeconds = 1234 }.Duration.Should().Be(TimeSpan.FromSeconds(1234));
        new BoooplyRecordingData { MeetingCode = "m" }.Duration.Should().BeNull();
        new BoooplyRecordingData { MeetingCode = "m", DurationSeconds = long.MaxValue }.Duration.Should().BeNull();
    }
}
