using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Parses a body the way <c>JSON.parse</c> and Python's <c>json.loads</c> both would, into a
/// <see cref="CanonicalJsonValue"/> tree, and refuses what could make a re-serialization mean something the raw body
/// does not: duplicate keys, numbers that do not survive a double, nesting deeper than <see cref="MaxDepth"/>.
/// </summary>
/// <remarks>
/// The grammar is <see cref="Utf8JsonReader"/>'s strict RFC 8259 one (no comments, trailing commas, <c>NaN</c>,
/// <c>Infinity</c> or byte order mark), which is exactly what both runtimes accept, minus Python's non-standard
/// <c>NaN</c>/<c>Infinity</c> and the BOM both would strip. Strings are decoded here rather than with
/// <see cref="Utf8JsonReader.GetString"/>, which refuses escaped lone surrogates such as <c>"\ud800"</c> that both
/// runtimes accept and keep. A body that is not valid UTF-8 is refused outright: Node would decode it with U+FFFD
/// replacement characters, so the signed text would hold characters the body does not. A scalar at the top level is
/// accepted, as <c>JSON.parse</c> and <c>json.loads</c> accept it (express.json's strict mode would not); no webhook
/// event is a scalar, so such a body fails later, at deserialization, if it ever verifies.
/// </remarks>
internal static class CanonicalJsonParser
{
    public const int MaxDepth = 64;

    /// <summary>Returns the parsed value, or null for anything the canonical path refuses. Never throws for any input.</summary>
    public static CanonicalJsonValue? TryParse(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });

        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var value = ReadValue(ref reader);

            // Read past the root so trailing garbage is reported; only whitespace may follow.
            return value is not null && !reader.Read() ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CanonicalJsonValue? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.String:
                return CanonicalJsonValue.FromString(DecodeString(ref reader));
            case JsonTokenType.Number:
                var number = CanonicalJsonNumber.TryCreate(reader.ValueSpan);
                return number is null ? null : CanonicalJsonValue.FromNumber(number);
            case JsonTokenType.True:
                return CanonicalJsonValue.True;
            case JsonTokenType.False:
                return CanonicalJsonValue.False;
            case JsonTokenType.Null:
                return CanonicalJsonValue.Null;
            default:
                return null;
        }
    }

    private static CanonicalJsonValue? ReadObject(ref Utf8JsonReader reader)
    {
        var members = new List<KeyValuePair<string, CanonicalJsonValue>>();
        HashSet<string>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = DecodeString(ref reader);

            // JavaScript keeps the last duplicate at the first one's position and Python keeps the last value, and
            // other parsers keep the first: a body with duplicates means different things to different readers.
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(name) || !reader.Read())
            {
                return null;
            }

            var value = ReadValue(ref reader);
            if (value is null)
            {
                return null;
            }

            members.Add(new KeyValuePair<string, CanonicalJsonValue>(name, value));
        }

        return reader.TokenType == JsonTokenType.EndObject ? CanonicalJsonValue.FromMembers(members) : null;
    }

    private static CanonicalJsonValue? ReadArray(ref Utf8JsonReader reader)
    {
        var items = new List<CanonicalJsonValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = ReadValue(ref reader);
            if (value is null)
            {
                return null;
            }

            items.Add(value);
        }

        return reader.TokenType == JsonTokenType.EndArray ? CanonicalJsonValue.FromItems(items) : null;
    }

    /// <summary>Decodes a string token to UTF-16 code units, keeping escaped lone surrogates as they are.</summary>
    private static string DecodeString(ref Utf8JsonReader reader)
    {
        // The input is one span, so the reader never hands out a sequence.
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var builder = new StringBuilder(raw.Length);
        var runStart = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            if (i > runStart)
            {
                builder.Append(Encoding.UTF8.GetString(raw[runStart..i]));
            }

            // The reader has validated every escape: a known letter, or 'u' and four hex digits.
            var escape = raw[i + 1];
            switch (escape)
            {
                case (byte)'b': builder.Append('\b'); i += 2; break;
                case (byte)'f': builder.Append('\f'); i += 2; break;
                case (byte)'n': builder.Append('\n'); i += 2; break;
                case (byte)'r': builder.Append('\r'); i += 2; break;
                case (byte)'t': builder.Append('\t'); i += 2; break;
                case (byte)'u':
                    builder.Append((char)((HexValue(raw[i + 2]) << 12) | (HexValue(raw[i + 3]) << 8) | (HexValue(raw[i + 4]) << 4) | HexValue(raw[i + 5])));
                    i += 6;
                    break;
                default:
                    // '"', '\\' and '/' stand for themselves.
                    builder.Append((char)escape);
                    i += 2;
                    break;
            }

            runStart = i;
        }

        if (raw.Length > runStart)
        {
            builder.Append(Encoding.UTF8.GetString(raw[runStart..]));
        }

        return builder.ToString();
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
