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
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO 8601 timestamp string.");
        }

        // STJ's own parser reads an offset-less timestamp as local time; this reads it as UTC on every machine.
        return BoooplyTime.TryParseInstant(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Expected an ISO 8601 timestamp string.");
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
}
