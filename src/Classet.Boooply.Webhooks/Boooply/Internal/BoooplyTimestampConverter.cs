using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>
/// Reads Boooply's timestamps (<see cref="WebhookTimestamp"/>: no offset means UTC) and writes a changed one the way
/// JavaScript's <c>toISOString()</c> does (<c>2026-03-21T18:30:00.000Z</c>). An unchanged timestamp is written in its
/// original spelling by <see cref="LosslessJsonWriter"/>, so this writer only runs for values set in code.
/// </summary>
internal sealed class BoooplyTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WebhookTimestamp.TryRead(ref reader, out var value)
            ? value
            // The inner FormatException makes the payload error say "wrong type or out of range", with the path.
            : throw new JsonException("Expected an ISO 8601 timestamp string.", new FormatException());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero && value.Ticks % TimeSpan.TicksPerMillisecond == 0)
        {
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));
        }
    }
}
