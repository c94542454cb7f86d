using System.Text;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Writes a parsed value exactly as Node's <c>JSON.stringify(value)</c> would, as UTF-8 (what
/// <c>hmac.update(string)</c> hashes).
/// </summary>
internal static class JavaScriptJsonWriter
{
    // ECMAScript array indices run to 2^32 - 2; "4294967295" is an ordinary string key.
    private const uint MaxArrayIndex = 4_294_967_294;

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
                value.Number!.WriteJavaScript(output);
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
                WriteObject(value.Members!, output);
                break;
        }
    }

    private static void WriteObject(List<KeyValuePair<string, CanonicalJsonValue>> members, PooledByteWriter output)
    {
        output.Write((byte)'{');
        var first = true;

        // OrdinaryOwnPropertyKeys: array-index keys first in ascending numeric order, then the other string keys
        // in creation order. Webhook payloads rarely have index keys, so the common case skips the sort.
        List<(uint Index, int Position)>? indexKeys = null;
        for (var i = 0; i < members.Count; i++)
        {
            if (TryGetArrayIndex(members[i].Key, out var index))
            {
                (indexKeys ??= []).Add((index, i));
            }
        }

        if (indexKeys is not null)
        {
            indexKeys.Sort(static (a, b) => a.Index.CompareTo(b.Index));
            foreach (var (_, position) in indexKeys)
            {
                WriteMember(members[position], output, ref first);
            }
        }

        foreach (var member in members)
        {
            if (indexKeys is null || !TryGetArrayIndex(member.Key, out _))
            {
                WriteMember(member, output, ref first);
            }
        }

        output.Write((byte)'}');
    }

    private static void WriteMember(KeyValuePair<string, CanonicalJsonValue> member, PooledByteWriter output, ref bool first)
    {
        if (!first)
        {
            output.Write((byte)',');
        }

        first = false;
        WriteString(member.Key, output);
        output.Write((byte)':');
        Write(member.Value, output);
    }

    /// <summary>True for the canonical decimal spelling of an integer in [0, 2^32 - 2]: no sign, no leading zero.</summary>
    public static bool TryGetArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        if (value > MaxArrayIndex)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    /// <summary>
    /// QuoteJSONString (ES2019 well-formed stringify): the short escapes, other controls as <c>\u00xx</c>, lone
    /// surrogates as <c>\udxxx</c>, everything else (non-ASCII, '/', DEL, U+2028/2029) as itself in UTF-8.
    /// </summary>
    public static void WriteString(string text, PooledByteWriter output)
    {
        output.Write((byte)'"');
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            WriteRun(text.AsSpan(runStart, i - runStart), output);
            WriteEscape(c, output);
            runStart = i + 1;
        }

        WriteRun(text.AsSpan(runStart), output);
        output.Write((byte)'"');
    }

    private static void WriteRun(ReadOnlySpan<char> run, PooledByteWriter output)
    {
        if (run.IsEmpty)
        {
            return;
        }

        // The run holds no lone surrogate, so the UTF-8 encoding is exact and never substitutes U+FFFD.
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
        output.Advance(Encoding.UTF8.GetBytes(run, span));
    }

    private static void WriteEscape(char c, PooledByteWriter output)
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
            default: output.WriteUnicodeEscape(c); break;
        }
    }
}
