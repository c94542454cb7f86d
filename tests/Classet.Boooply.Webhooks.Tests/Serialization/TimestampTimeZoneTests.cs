using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>Runs alone: it changes the process's local time zone, which nothing else may observe meanwhile.</summary>
[CollectionDefinition(nameof(LocalTimeZoneTests), DisableParallelization = true)]
public sealed class LocalTimeZoneTests;

/// <summary>
/// A timestamp without an offset, or a date alone, is UTC for both vendors, whatever the server's time zone: these run
/// with the process's local time zone set to New York (TZ=America/New_York, as on a server configured there).
/// </summary>
[Collection(nameof(LocalTimeZoneTests))]
public sealed class TimestampTimeZoneTests : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("TZ");

    public TimestampTimeZoneTests()
    {
        Environment.SetEnvironmentVariable("TZ", "America/New_York");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }

    [Theory]
    [InlineData("2025-04-15T16:00:00", "2025-04-15T16:00:00.0000000+00:00")]
    [InlineData("2025-04-15T16:00:00.5", "2025-04-15T16:00:00.5000000+00:00")]
    [InlineData("2025-04-15", "2025-04-15T00:00:00.0000000+00:00")]
    [InlineData("2025-04-15T16:00:00Z", "2025-04-15T16:00:00.0000000+00:00")]
    [InlineData("2025-04-15T12:00:00-04:00", "2025-04-15T12:00:00.0000000-04:00")]
    public void Classet_TimestampWithoutOffset_IsUtcNotServerLocalTime(string text, string expected)
    {
        LocalZoneIsNewYork();

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(
            "{\"event\":\"candidate.interview.updated\",\"changes\":{\"interview_completed_at\":{\"from\":null,\"to\":\"" + text
            + "\"}},\"data\":{\"interview_completed_at\":\"" + text + "\",\"interview_sent_at\":\"" + text + "\"}}");

        webhookEvent.Data.InterviewCompletedAt!.Value.ToString("O").Should().Be(expected);
        webhookEvent.Data.InterviewSentAt!.Value.ToString("O").Should().Be(expected);
        webhookEvent.GetInterviewCompletedAtChange()!.Value.To!.Value.ToString("O").Should().Be(expected);
    }

    [Theory]
    [InlineData("2026-03-21T18:30:00", "2026-03-21T18:30:00.0000000+00:00")]
    [InlineData("2026-03-21", "2026-03-21T00:00:00.0000000+00:00")]
    [InlineData("2026-03-21T18:30:00.000Z", "2026-03-21T18:30:00.0000000+00:00")]
    public void Boooply_TimestampWithoutOffset_IsUtcNotServerLocalTime(string text, string expected)
    {
        LocalZoneIsNewYork();

        var known = BoooplyWebhookSerializer.Deserialize("{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"m\",\"timestamp\":\"" + text + "\"}}");
        var unknown = BoooplyWebhookSerializer.Deserialize("{\"event\":\"interview.started\",\"data\":{\"meetingCode\":\"m\",\"timestamp\":\"" + text + "\"}}");

        known.Timestamp!.Value.ToString("O").Should().Be(expected);
        unknown.Timestamp!.Value.ToString("O").Should().Be(expected);
    }

    private static void LocalZoneIsNewYork()
    {
        // Without the zone actually in force the tests above would pass on any code; fail instead of passing vacuously.
        TimeZoneInfo.Local.Id.Should().Be("America/New_York");
        TimeZoneInfo.Local.GetUtcOffset(new DateTime(2025, 4, 15, 16, 0, 0, DateTimeKind.Utc)).Should().Be(TimeSpan.FromHours(-4));
    }
}
