using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads a <see cref="BoooplyTranscriptEntry"/> straight off the reader. A transcript holds thousands of entries, and
/// the generated binder sets init-only members through its constructor-argument path (an argument buffer and a boxed
/// <see cref="decimal"/> per number), which made entries the bulk of the cost of a large delivery.
/// </summary>
/// <remarks>
/// Only the well-formed shape is handled here: anything else (a wrong token type, an out-of-range number, a repeated
/// key) throws <see cref="BoooplyFastPathDeclinedException"/> and the whole body is bound again by the generated
/// binder, so errors keep their exact paths and messages and the fast path cannot change an outcome.
/// </remarks>
internal sealed class BoooplyTranscriptEntryConverter : JsonConverter<BoooplyTranscriptEntry>
{
    private const int SpeakerSeen = 1;
    private const int TextSeen = 2;
    private const int StartSeen = 4;
    private const int EndSeen = 8;

    public override BoooplyTranscriptEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new BoooplyFastPathDeclinedException();
        }

        string? speaker = null;
        string? text = null;
        decimal? startMs = null;
        decimal? endMs = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("speaker"u8))
            {
                seen = Mark(seen, SpeakerSeen);
                reader.Read();
                speaker = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                seen = Mark(seen, TextSeen);
                reader.Read();
                text = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("startMs"u8))
            {
                seen = Mark(seen, StartSeen);
                reader.Read();
                startMs = ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("endMs"u8))
            {
                seen = Mark(seen, EndSeen);
                reader.Read();
                endMs = ReadNumber(ref reader);
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
                    throw new BoooplyFastPathDeclinedException();
                }
            }
        }

        return new BoooplyTranscriptEntry { Speaker = speaker, Text = text, StartMs = startMs, EndMs = endMs, ExtensionData = extensionData };
    }

    public override void Write(Utf8JsonWriter writer, BoooplyTranscriptEntry value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The fast Boooply context only reads; writing goes through BoooplyJsonContext.Wire.");

    private static bool IsIgnoredMemberName(string name) =>
        name.Equals("Start", StringComparison.OrdinalIgnoreCase) || name.Equals("End", StringComparison.OrdinalIgnoreCase);

    private static int Mark(int seen, int bit) =>
        (seen & bit) != 0 ? throw new BoooplyFastPathDeclinedException() : seen | bit;

    private static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new BoooplyFastPathDeclinedException(),
    };

    private static decimal? ReadNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw new BoooplyFastPathDeclinedException(),
    };
}
