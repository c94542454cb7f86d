using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads Boooply's <c>timestamp</c> and writes it back the way JavaScript's <c>toISOString()</c> does
/// (<c>2026-03-21T18:30:00.000Z</c>), so re-serializing a delivery reproduces the vendor's text, not just the instant.
/// </summary>
internal sealed class BoooplyTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && TryReadInstant(ref reader, out var value))
        {
            return value;
        }

        // The inner FormatException makes the payload error say "wrong type or out of range", with the path.
        throw new JsonException("Expected an ISO 8601 timestamp string.", new FormatException("Expected an ISO 8601 timestamp string."));
    }

    /// <summary>Reads the instant in the current string token; shared with <see cref="BoooplyFastReader"/> so both agree.</summary>
    public static bool TryReadInstant(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        // STJ's allocation-free ISO 8601 parser is exact when the text carries its offset (Boooply's
        // toISOString always ends in Z). Without one it would assume the server's local time, so that case, and
        // anything looser, goes through a parse that assumes UTC on every machine.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && HasExplicitOffset(reader.ValueSpan)
            && reader.TryGetDateTimeOffset(out value))
        {
            return true;
        }

        return BoooplyTime.TryParseInstant(reader.GetString(), out value);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is not { } instant)
        {
            writer.WriteNullValue();
            return;
        }

        if (instant.Offset == TimeSpan.Zero && instant.Ticks % TimeSpan.TicksPerMillisecond == 0)
        {
            writer.WriteStringValue(instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    private static bool HasExplicitOffset(ReadOnlySpan<byte> text) =>
        text.Length > 6 && (text[^1] is (byte)'Z' or (byte)'z'
            || (text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));
}
