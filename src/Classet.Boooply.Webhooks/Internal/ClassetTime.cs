namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Converts Classet's wire numbers (seconds, Unix seconds, milliseconds) to BCL time types. Out-of-range or
/// non-finite values give <see langword="null"/>: a convenience getter must never throw over a value the wire allowed.
/// </summary>
internal static class ClassetTime
{
    private static readonly long MinUnixTicks = -DateTimeOffset.UnixEpoch.UtcTicks;
    private static readonly long MaxUnixTicks = DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    public static TimeSpan? FromSeconds(double? seconds) => FromTicks(seconds * TimeSpan.TicksPerSecond);

    public static TimeSpan? FromMilliseconds(double? milliseconds) => FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);

    public static DateTimeOffset? FromUnixSeconds(double? seconds)
    {
        if (seconds is not { } value)
        {
            return null;
        }

        var ticks = value * TimeSpan.TicksPerSecond;
        return double.IsFinite(ticks) && ticks >= MinUnixTicks && ticks <= MaxUnixTicks
            ? DateTimeOffset.UnixEpoch.AddTicks((long)ticks)
            : null;
    }

    // (double)long.MaxValue rounds up to 2^63, so a strict comparison keeps the cast in range.
    private static TimeSpan? FromTicks(double? ticks) =>
        ticks is { } value && double.IsFinite(value) && value > long.MinValue && value < long.MaxValue
            ? TimeSpan.FromTicks((long)value)
            : null;
}
