using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// Reads a count or a time in whole units (milliseconds, seconds, Unix seconds) as a <see cref="long"/>. The vendors'
/// pages show these only as whole numbers; a fraction, should one ever arrive, is rounded to the nearest whole unit
/// (half away from zero) rather than costing the delivery. A number outside <see cref="long"/>'s range is a payload
/// error. Serializing an unchanged value writes its original text, fraction included.
/// </summary>
internal sealed class WholeNumberConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected a JSON number.", new FormatException());
        }

        if (reader.TryGetInt64(out var whole))
        {
            return whole;
        }

        if (reader.TryGetDecimal(out var fractional))
        {
            var rounded = decimal.Round(fractional, MidpointRounding.AwayFromZero);
            if (rounded is >= long.MinValue and <= long.MaxValue)
            {
                return (long)rounded;
            }
        }

        throw new JsonException("The number is out of range.", new OverflowException());
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
