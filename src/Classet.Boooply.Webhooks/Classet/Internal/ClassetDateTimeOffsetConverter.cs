using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// Reads Classet's timestamps (<see cref="WebhookTimestamp"/>: no offset, or a date alone, means UTC) and writes a
/// changed UTC one with a trailing <c>Z</c> as Classet's example does (<c>2025-04-15T16:00:00Z</c>), rather than
/// System.Text.Json's <c>+00:00</c>. An unchanged timestamp is written in its original spelling by
/// <see cref="LosslessJsonWriter"/>, so this writer only runs for values set in code.
/// </summary>
internal sealed class ClassetDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WebhookTimestamp.TryRead(ref reader, out var value) ? value : throw new JsonException("Expected an ISO 8601 timestamp string.");

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
