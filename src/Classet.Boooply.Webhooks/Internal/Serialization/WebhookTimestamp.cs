using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// Reads the vendors' ISO 8601 timestamps the same way for both: the ISO 8601 profile System.Text.Json accepts, an
/// explicit offset (<c>Z</c>, <c>+05:30</c>) kept as given, and a value without one (<c>2025-04-15T16:00:00</c>, or a
/// date alone) read as UTC. Never as the server's local time, which would make the same delivery a different instant
/// on machines in different time zones.
/// </summary>
internal static class WebhookTimestamp
{
    // Longer than any ISO 8601 text the reader accepts, escaped or not.
    private const int MaxLength = 128;

    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return false;
        }

        bool hasOffset;
        if (reader.ValueIsEscaped)
        {
            Span<byte> unescaped = stackalloc byte[MaxLength];
            try
            {
                hasOffset = HasOffset(unescaped[..reader.CopyString(unescaped)]);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
        else
        {
            hasOffset = HasOffset(reader.ValueSpan);
        }

        if (hasOffset)
        {
            return reader.TryGetDateTimeOffset(out value);
        }

        if (reader.TryGetDateTime(out var local))
        {
            value = new DateTimeOffset(local.Ticks, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    public static bool TryRead(JsonElement element, out DateTimeOffset value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!;
        if (HasOffset(text))
        {
            return element.TryGetDateTimeOffset(out value);
        }

        if (element.TryGetDateTime(out var local))
        {
            value = new DateTimeOffset(local.Ticks, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    // An offset can only follow the time part, which starts at the 'T'; a date's hyphens are not one.
    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        var time = text.IndexOfAny((byte)'T', (byte)'t');
        return time >= 0 && text[time..].IndexOfAny("Zz+-"u8) >= 0;
    }

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        var time = text.IndexOfAny('T', 't');
        return time >= 0 && text[time..].IndexOfAny("Zz+-") >= 0;
    }
}
