namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// The conversions behind the payload records' time conveniences (<see cref="TimeSpan"/> and <see cref="DateTimeOffset"/>
/// views of the wire numbers). None of them throws: a value out of range gives <see langword="null"/>, because a
/// convenience getter must never fail over a number the wire allowed.
/// </summary>
internal static class WebhookTime
{
    private static readonly decimal MaxTicks = TimeSpan.MaxValue.Ticks;
    private static readonly decimal MinTicks = TimeSpan.MinValue.Ticks;

    public static TimeSpan? FromMilliseconds(long? milliseconds) => FromTicks(milliseconds * (decimal)TimeSpan.TicksPerMillisecond);

    public static TimeSpan? FromSeconds(long? seconds) => FromTicks(seconds * (decimal)TimeSpan.TicksPerSecond);

    public static TimeSpan? FromSeconds(decimal? seconds)
    {
        if (seconds is not { } value || Math.Abs(value) > MaxTicks / TimeSpan.TicksPerSecond)
        {
            return null;
        }

        return FromTicks(decimal.Round(value * TimeSpan.TicksPerSecond));
    }

    /// <summary>Unix seconds as a UTC instant, or null when absent or outside what <see cref="DateTimeOffset"/> can hold.</summary>
    public static DateTimeOffset? FromUnixSeconds(long? seconds) =>
        seconds is { } value && value >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && value <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(value)
            : null;

    private static TimeSpan? FromTicks(decimal? ticks) =>
        ticks is { } value && value >= MinTicks && value <= MaxTicks ? TimeSpan.FromTicks((long)value) : null;
}
