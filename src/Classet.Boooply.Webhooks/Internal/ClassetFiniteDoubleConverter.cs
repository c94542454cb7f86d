using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads JSON numbers as <see cref="double"/>, rejecting values a double cannot hold. System.Text.Json turns
/// <c>1e400</c> into infinity, which would then surface as a nonsense duration or timestamp.
/// </summary>
internal sealed class ClassetFiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected a JSON number.");
        }

        if (reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new JsonException("The number is out of the range of a double.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
