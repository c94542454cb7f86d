namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Writes a parsed value exactly as CPython 3's <c>json.dumps(value, separators=(',', ':'))</c> would (default
/// <c>ensure_ascii=True</c>), then <c>.encode()</c>: the output is pure ASCII.
/// </summary>
internal static class PythonJsonWriter
{
    public static void Write(CanonicalJsonValue value, PooledByteWriter output)
    {
        switch (value.Kind)
        {
            case CanonicalJsonKind.Null:
                output.Write("null"u8);
                break;
            case CanonicalJsonKind.True:
                output.Write("true"u8);
                break;
            case CanonicalJsonKind.False:
                output.Write("false"u8);
                break;
            case CanonicalJsonKind.Number:
                value.Number!.WritePython(output);
                break;
            case CanonicalJsonKind.String:
                WriteString(value.Text!, output);
                break;
            case CanonicalJsonKind.Array:
                output.Write((byte)'[');
                var items = value.Items!;
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Write((byte)',');
                    }

                    Write(items[i], output);
                }

                output.Write((byte)']');
                break;
            default:
                // A dict keeps insertion order, and json.loads inserts keys in body order: nothing is reordered.
                output.Write((byte)'{');
                var members = value.Members!;
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Write((byte)',');
                    }

                    WriteString(members[i].Key, output);
                    output.Write((byte)':');
                    Write(members[i].Value, output);
                }

                output.Write((byte)'}');
                break;
        }
    }

    /// <summary>
    /// CPython's <c>ascii_escape_unichar</c>: printable ASCII 0x20-0x7E as itself, the short escapes, and every
    /// other code unit (controls, DEL 0x7F, all non-ASCII, each half of an astral pair, lone surrogates) as
    /// <c>\uxxxx</c> in lowercase hex. Checked against python3: <c>json.dumps("\x7f")</c> is <c>"\u007f"</c>.
    /// </summary>
    public static void WriteString(string text, PooledByteWriter output)
    {
        output.Write((byte)'"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        output.Write((byte)c);
                    }
                    else
                    {
                        output.WriteUnicodeEscape(c);
                    }

                    break;
            }
        }

        output.Write((byte)'"');
    }
}
