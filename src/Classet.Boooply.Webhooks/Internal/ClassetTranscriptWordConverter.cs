using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads a <see cref="ClassetTranscriptWord"/> straight off the reader. A <c>call_completed</c> transcript holds one
/// word object per spoken word, and the generated binder sets their init-only members through its
/// constructor-argument path (an argument buffer and two boxed doubles per word).
/// </summary>
/// <remarks>
/// Only the well-formed shape is handled here: anything else (a wrong token type, a number beyond a finite double, a
/// repeated key) throws <see cref="ClassetFastPathDeclinedException"/> and the whole body is bound again by the
/// generated binder, so errors keep their exact paths and messages and the fast path cannot change an outcome.
/// </remarks>
internal sealed class ClassetTranscriptWordConverter : JsonConverter<ClassetTranscriptWord>
{
    private const int StartSeen = 1;
    private const int EndSeen = 2;
    private const int WordSeen = 4;

    public override ClassetTranscriptWord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ClassetFastPathDeclinedException();
        }

        double? start = null;
        double? end = null;
        string? word = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                seen = Mark(seen, StartSeen);
                reader.Read();
                start = ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                seen = Mark(seen, EndSeen);
                reader.Read();
                end = ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("word"u8))
            {
                seen = Mark(seen, WordSeen);
                reader.Read();
                word = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new ClassetFastPathDeclinedException(),
                };
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                extensionData ??= [];

                // The generated binder drops keys that name the [JsonIgnore] Start/End convenience properties instead
                // of keeping them as extension data; leave that corner to it.
                if (IsIgnoredMemberName(name) || !extensionData.TryAdd(name, JsonElement.ParseValue(ref reader)))
                {
                    throw new ClassetFastPathDeclinedException();
                }
            }
        }

        return new ClassetTranscriptWord { StartSeconds = start, EndSeconds = end, Word = word, ExtensionData = extensionData };
    }

    public override void Write(Utf8JsonWriter writer, ClassetTranscriptWord value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The fast Classet context only reads; writing goes through ClassetJsonContext.");

    private static bool IsIgnoredMemberName(string name) =>
        name.Equals("Start", StringComparison.OrdinalIgnoreCase) || name.Equals("End", StringComparison.OrdinalIgnoreCase);

    private static int Mark(int seen, int bit) =>
        (seen & bit) != 0 ? throw new ClassetFastPathDeclinedException() : seen | bit;

    private static double? ReadNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var value) && double.IsFinite(value) => value,
        JsonTokenType.Null => null,
        _ => throw new ClassetFastPathDeclinedException(),
    };
}
