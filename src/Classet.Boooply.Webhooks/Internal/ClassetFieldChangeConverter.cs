using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads a <see cref="ClassetFieldChange"/> straight off the reader. The generated binder sets <c>from</c> and
/// <c>to</c> through its constructor-argument path and gives each value its own document, even a bare <c>null</c>;
/// most changes start from <c>null</c>, so literals share one immutable element instead.
/// </summary>
/// <remarks>
/// Only the well-formed shape is handled here: anything else (not an object, a repeated key) throws
/// <see cref="ClassetFastPathDeclinedException"/> and the whole body is bound again by the generated binder, so the
/// fast path cannot change an outcome.
/// </remarks>
internal sealed class ClassetFieldChangeConverter : JsonConverter<ClassetFieldChange>
{
    private static readonly JsonElement Null = Literal("null"u8);
    private static readonly JsonElement True = Literal("true"u8);
    private static readonly JsonElement False = Literal("false"u8);

    public override ClassetFieldChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClassetFastPathDeclinedException();
        }

        JsonElement from = default;
        JsonElement to = default;
        var seenFrom = false;
        var seenTo = false;
        Dictionary<string, JsonElement>? extensionData = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("from"u8))
            {
                seenFrom = seenFrom ? throw new ClassetFastPathDeclinedException() : true;
                reader.Read();
                from = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("to"u8))
            {
                seenTo = seenTo ? throw new ClassetFastPathDeclinedException() : true;
                reader.Read();
                to = ReadValue(ref reader);
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                extensionData ??= [];
                if (!extensionData.TryAdd(name, JsonElement.ParseValue(ref reader)))
                {
                    throw new ClassetFastPathDeclinedException();
                }
            }
        }

        return new ClassetFieldChange { From = from, To = to, ExtensionData = extensionData };
    }

    public override void Write(Utf8JsonWriter writer, ClassetFieldChange value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The fast Classet context only reads; writing goes through ClassetJsonContext.");

    private static JsonElement ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => Null,
        JsonTokenType.True => True,
        JsonTokenType.False => False,
        _ => JsonElement.ParseValue(ref reader),
    };

    private static JsonElement Literal(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
