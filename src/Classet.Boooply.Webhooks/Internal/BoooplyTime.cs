using System.Globalization;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>Time conversions behind the Boooply records' convenience properties. None of them throws.</summary>
internal static class BoooplyTime
{
    private static readonly decimal MaxMilliseconds = (decimal)TimeSpan.MaxValue.TotalMilliseconds / 2;

    /// <summary>Milliseconds as a <see cref="TimeSpan"/>, or null when absent or outside what a <see cref="TimeSpan"/> can hold.</summary>
    public static TimeSpan? FromMilliseconds(decimal? milliseconds) =>
        milliseconds is { } value && Math.Abs(value) <= MaxMilliseconds
            ? TimeSpan.FromTicks((long)decimal.Round(value * TimeSpan.TicksPerMillisecond))
            : null;

    /// <summary>Seconds as a <see cref="TimeSpan"/>, or null when absent or out of range.</summary>
    public static TimeSpan? FromSeconds(decimal? seconds) =>
        seconds is { } value && Math.Abs(value) <= MaxMilliseconds / 1000
            ? FromMilliseconds(value * 1000)
            : null;

    /// <summary>
    /// Parses an offset into the interview such as <c>02:15</c> (mm:ss), <c>1:02:15</c> (h:mm:ss) or
    /// <c>02:15.5</c>. Minutes may exceed 59 in the two-part form. Anything else gives null.
    /// </summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        long hours = 0;
        var index = 0;
        if (parts.Length == 3)
        {
            if (!TryParseWhole(parts[index++], out hours))
            {
                return null;
            }
        }

        if (!TryParseWhole(parts[index++], out var minutes) || (parts.Length == 3 && minutes > 59))
        {
            return null;
        }

        var secondsText = parts[index];
        if (secondsText.Length == 0 || !char.IsAsciiDigit(secondsText[0])
            || !decimal.TryParse(secondsText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds >= 60)
        {
            return null;
        }

        var totalSeconds = (hours * 3600m) + (minutes * 60m) + seconds;
        return FromSeconds(totalSeconds);
    }

    /// <summary>
    /// Parses an ISO 8601 instant. Text without an offset is read as UTC (Boooply sends <c>toISOString()</c>,
    /// always UTC), never as the server's local time.
    /// </summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static bool TryParseWhole(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
