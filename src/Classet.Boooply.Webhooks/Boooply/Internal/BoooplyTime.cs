using System.Globalization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>Reads Boooply's <c>questionsAsked[].timestamp</c> offsets (<c>02:15</c>). Never throws.</summary>
internal static class BoooplyTime
{
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
        return WebhookTime.FromSeconds(totalSeconds);
    }

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
