using System.Globalization;
using System.Text;

namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>
/// Writes a <see cref="TestJsonValue"/> byte for byte as JavaScript's <c>JSON.stringify</c> (compact or with two-space
/// indentation) or Python's <c>json.dumps(obj, separators=(',', ':'))</c> (<c>ensure_ascii</c> on) would.
/// </summary>
internal static class TestJsonWriter
{
    public static byte[] WriteJavaScript(TestJsonValue value, bool indented)
    {
        var text = new StringBuilder();
        WriteJavaScript(value, text, indented ? 0 : -1);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] WritePython(TestJsonValue value)
    {
        var text = new StringBuilder();
        WritePython(value, text);

        // ensure_ascii: the text is pure ASCII.
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // depth -1 means compact.
    private static void WriteJavaScript(TestJsonValue value, StringBuilder text, int depth)
    {
        switch (value.Kind)
        {
            case TestJsonKind.Object:
                var members = OrderLikeJavaScript(value.Properties);
                WriteContainer(text, '{', '}', members.Count, depth, (index, inner) =>
                {
                    WriteJavaScriptString(members[index].Key, text);
                    text.Append(depth < 0 ? ":" : ": ");
                    WriteJavaScript(members[index].Value, text, inner);
                });
                break;
            case TestJsonKind.Array:
                WriteContainer(text, '[', ']', value.Items.Count, depth, (index, inner) => WriteJavaScript(value.Items[index], text, inner));
                break;
            case TestJsonKind.String:
                WriteJavaScriptString(value.Text!, text);
                break;
            case TestJsonKind.Number:
                text.Append(TestJsonNumbers.ToJavaScript(value.Text!));
                break;
            default:
                text.Append(Literal(value.Kind));
                break;
        }
    }

    private static void WriteContainer(StringBuilder text, char open, char close, int count, int depth, Action<int, int> writeItem)
    {
        text.Append(open);
        if (count > 0)
        {
            var inner = depth < 0 ? -1 : depth + 1;
            for (var index = 0; index < count; index++)
            {
                if (index > 0)
                {
                    text.Append(',');
                }

                if (depth >= 0)
                {
                    text.Append('\n').Append(' ', inner * 2);
                }

                writeItem(index, inner);
            }

            if (depth >= 0)
            {
                text.Append('\n').Append(' ', depth * 2);
            }
        }

        text.Append(close);
    }

    private static void WritePython(TestJsonValue value, StringBuilder text)
    {
        switch (value.Kind)
        {
            case TestJsonKind.Object:
                text.Append('{');
                for (var index = 0; index < value.Properties.Count; index++)
                {
                    if (index > 0)
                    {
                        text.Append(',');
                    }

                    WritePythonString(value.Properties[index].Key, text);
                    text.Append(':');
                    WritePython(value.Properties[index].Value, text);
                }

                text.Append('}');
                break;
            case TestJsonKind.Array:
                text.Append('[');
                for (var index = 0; index < value.Items.Count; index++)
                {
                    if (index > 0)
                    {
                        text.Append(',');
                    }

                    WritePython(value.Items[index], text);
                }

                text.Append(']');
                break;
            case TestJsonKind.String:
                WritePythonString(value.Text!, text);
                break;
            case TestJsonKind.Number:
                text.Append(TestJsonNumbers.ToPython(value.Text!));
                break;
            default:
                text.Append(Literal(value.Kind));
                break;
        }
    }

    private static string Literal(TestJsonKind kind) => kind switch
    {
        TestJsonKind.True => "true",
        TestJsonKind.False => "false",
        _ => "null",
    };

    /// <summary>
    /// A JavaScript object lists its array-index keys ("0" to "4294967294", canonical spelling) first, in numeric
    /// order, then the other keys in insertion order; JSON.stringify writes them in that order.
    /// </summary>
    private static List<KeyValuePair<string, TestJsonValue>> OrderLikeJavaScript(List<KeyValuePair<string, TestJsonValue>> properties)
    {
        var indices = new List<(uint Index, KeyValuePair<string, TestJsonValue> Member)>();
        var others = new List<KeyValuePair<string, TestJsonValue>>(properties.Count);
        foreach (var property in properties)
        {
            if (TryGetArrayIndex(property.Key, out var index))
            {
                indices.Add((index, property));
            }
            else
            {
                others.Add(property);
            }
        }

        if (indices.Count == 0)
        {
            return others;
        }

        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        return [.. indices.Select(i => i.Member), .. others];
    }

    private static bool TryGetArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var value = ulong.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > 4_294_967_294)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    // JSON.stringify escapes only the quote, the backslash, control characters and (since ES2019) lone surrogates.
    private static void WriteJavaScriptString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var index = 0; index < value.Length; index++)
        {
            var c = value[index];
            if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                text.Append(c).Append(value[++index]);
            }
            else if (char.IsSurrogate(c))
            {
                AppendUnicodeEscape(c, text);
            }
            else if (!TryAppendShortEscape(c, text))
            {
                if (c < 0x20)
                {
                    AppendUnicodeEscape(c, text);
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        text.Append('"');
    }

    // ensure_ascii: everything outside printable ASCII (space to '~') is escaped, one \uXXXX per UTF-16 unit, so a
    // character beyond the BMP becomes its surrogate pair.
    private static void WritePythonString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (!TryAppendShortEscape(c, text))
            {
                if (c is >= ' ' and <= '~')
                {
                    text.Append(c);
                }
                else
                {
                    AppendUnicodeEscape(c, text);
                }
            }
        }

        text.Append('"');
    }

    private static bool TryAppendShortEscape(char c, StringBuilder text)
    {
        var escape = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        if (escape is null)
        {
            return false;
        }

        text.Append(escape);
        return true;
    }

    private static void AppendUnicodeEscape(char c, StringBuilder text) =>
        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
