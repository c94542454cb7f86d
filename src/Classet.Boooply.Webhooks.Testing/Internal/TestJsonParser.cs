using System.Text;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>Parses UTF-8 JSON into a <see cref="TestJsonValue"/> tree, keeping what the re-serializers need.</summary>
internal static class TestJsonParser
{
    private const int MaxDepth = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="ArgumentException">The bytes are not one valid JSON value in UTF-8.</exception>
    public static TestJsonValue Parse(ReadOnlySpan<byte> utf8Json, string parameterName)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                throw new ArgumentException("The body is empty, not JSON.", parameterName);
            }

            var value = ReadValue(ref reader);
            if (reader.Read())
            {
                throw new ArgumentException("The body has content after its JSON value.", parameterName);
            }

            return value;
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The body is not valid JSON: {exception.Message}", parameterName, exception);
        }
        catch (DecoderFallbackException exception)
        {
            throw new ArgumentException("The body is not valid UTF-8.", parameterName, exception);
        }
    }

    private static TestJsonValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = TestJsonValue.Object();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = ReadString(ref reader);
                    reader.Read();
                    obj.Set(name, ReadValue(ref reader));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = TestJsonValue.Array();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return TestJsonValue.String(ReadString(ref reader));
            case JsonTokenType.Number:
                return TestJsonValue.Number(Encoding.ASCII.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return TestJsonValue.True;
            case JsonTokenType.False:
                return TestJsonValue.False;
            default:
                return TestJsonValue.Null;
        }
    }

    // Decoded by hand rather than with GetString, which refuses a lone surrogate escape such as \ud83d: JSON.parse and
    // json.loads both keep it, and so must a faithful re-serialization.
    private static string ReadString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return StrictUtf8.GetString(raw);
        }

        var text = new StringBuilder(raw.Length);
        var index = 0;
        while (index < raw.Length)
        {
            var next = raw[index..].IndexOf((byte)'\\');
            if (next < 0)
            {
                text.Append(StrictUtf8.GetString(raw[index..]));
                break;
            }

            // Escapes are ASCII, so cutting before one never splits a multi-byte character.
            text.Append(StrictUtf8.GetString(raw.Slice(index, next)));
            index += next;
            var escape = (char)raw[index + 1];
            if (escape == 'u')
            {
                text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(index + 2, 4)), 16));
                index += 6;
                continue;
            }

            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape, // '"', '\\' and '/'
            });
            index += 2;
        }

        return text.ToString();
    }
}
