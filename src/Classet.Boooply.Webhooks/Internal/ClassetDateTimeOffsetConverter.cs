using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads Classet's ISO 8601 timestamps strictly, and writes UTC instants with a trailing <c>Z</c> (as Classet sends
/// them) rather than System.Text.Json's <c>+00:00</c>, so a re-serialized body keeps the vendor's form.
/// </summary>
internal sealed class ClassetDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        throw new JsonException("Expected an ISO 8601 timestamp string.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset != TimeSpan.Zero)
        {
            writer.WriteStringValue(value);
            return;
        }

        Span<byte> buffer = stackalloc byte[64];
        if (value.UtcDateTime.TryFormat(buffer, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
