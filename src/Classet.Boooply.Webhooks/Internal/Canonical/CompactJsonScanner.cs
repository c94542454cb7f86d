using System.Buffers;
using System.Text.Unicode;

namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>
/// Tells, in one pass over the bytes and without allocating, whether a body is spelled exactly as
/// <c>JSON.stringify</c> spells JSON (see <see cref="WebhookJsonDiagnostics.IsCompactCanonicalJson"/>). It never
/// builds or writes anything: each token is checked where it lies, with a fixed amount of stack per nesting level.
/// </summary>
internal static class CompactJsonScanner
{
    public const int MaxDepth = CanonicalJsonWriter.MaxDepth;

    // Inside a string: where a run of ordinary bytes ends.
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private enum Expect
    {
        Value,
        Key,
        AfterValue,
    }

    public static bool IsCompactCanonical(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        // Per open object: the last index key seen, or long.MaxValue once another key came (no index key may follow).
        Span<long> lastIndex = stackalloc long[MaxDepth + 1];
        ulong objects = 0;
        var depth = 0;
        var i = 0;
        var expect = Expect.Value;
        while (true)
        {
            switch (expect)
            {
                case Expect.Value:
                    if (i >= json.Length)
                    {
                        return false;
                    }

                    var first = json[i];
                    if (first is (byte)'{' or (byte)'[')
                    {
                        if (++depth > MaxDepth)
                        {
                            return false;
                        }

                        var isObject = first == (byte)'{';
                        objects = isObject ? objects | (1UL << (depth - 1)) : objects & ~(1UL << (depth - 1));
                        lastIndex[depth] = -1;
                        i++;
                        if (i < json.Length && json[i] == (isObject ? (byte)'}' : (byte)']'))
                        {
                            i++;
                            depth--;
                            expect = Expect.AfterValue;
                        }
                        else
                        {
                            expect = isObject ? Expect.Key : Expect.Value;
                        }

                        break;
                    }

                    i = first switch
                    {
                        (byte)'"' => ScanString(json, i),
                        (byte)'t' => json[i..].StartsWith("true"u8) ? i + 4 : -1,
                        (byte)'f' => json[i..].StartsWith("false"u8) ? i + 5 : -1,
                        (byte)'n' => json[i..].StartsWith("null"u8) ? i + 4 : -1,
                        _ => ScanNumber(json, i),
                    };
                    if (i < 0)
                    {
                        return false;
                    }

                    expect = Expect.AfterValue;
                    break;

                case Expect.Key:
                    if (i >= json.Length || json[i] != (byte)'"')
                    {
                        return false;
                    }

                    var keyStart = i;
                    i = ScanString(json, i);
                    if (i < 0 || i >= json.Length || json[i] != (byte)':')
                    {
                        return false;
                    }

                    // stringify writes index keys first, ascending, then the others (an equal index is a duplicate key).
                    if (CanonicalJsonWriter.TryGetArrayIndex(json[(keyStart + 1)..(i - 1)], out var index))
                    {
                        if (index <= lastIndex[depth])
                        {
                            return false;
                        }

                        lastIndex[depth] = index;
                    }
                    else
                    {
                        lastIndex[depth] = long.MaxValue;
                    }

                    i++;
                    expect = Expect.Value;
                    break;

                default:
                    if (depth == 0)
                    {
                        return i == json.Length;
                    }

                    if (i >= json.Length)
                    {
                        return false;
                    }

                    var inObject = ((objects >> (depth - 1)) & 1) != 0;
                    switch (json[i])
                    {
                        case (byte)',':
                            expect = inObject ? Expect.Key : Expect.Value;
                            break;
                        case (byte)'}' when inObject:
                        case (byte)']' when !inObject:
                            depth--;
                            break;
                        default:
                            return false;
                    }

                    i++;
                    break;
            }
        }
    }

    /// <summary>
    /// Scans the string starting at the quote at <paramref name="start"/>, accepting only what QuoteJSONString writes:
    /// characters as themselves, <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other controls as <c>\u00xx</c> and lone
    /// surrogates as <c>\udxxx</c>, in lowercase hex. Returns the index after the closing quote, or -1.
    /// </summary>
    private static int ScanString(ReadOnlySpan<byte> json, int start)
    {
        var i = start + 1;
        var afterHighSurrogate = false;
        while (true)
        {
            var run = json[i..].IndexOfAny(StringSpecials);
            if (run < 0)
            {
                return -1;
            }

            afterHighSurrogate &= run == 0;
            i += run;
            var b = json[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            if (b != (byte)'\\' || i + 1 >= json.Length)
            {
                // A raw control character is not JSON.
                return -1;
            }

            var escape = json[i + 1];
            if (escape != (byte)'u')
            {
                if (escape is not ((byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
                {
                    return -1;
                }

                afterHighSurrogate = false;
                i += 2;
                continue;
            }

            var unit = i + 6 <= json.Length ? LowercaseHex(json.Slice(i + 2, 4)) : -1;
            if (unit < 0)
            {
                return -1;
            }

            if (char.IsSurrogate((char)unit))
            {
                // An escaped pair is a character, which stringify writes as itself.
                if (afterHighSurrogate && char.IsLowSurrogate((char)unit))
                {
                    return -1;
                }

                afterHighSurrogate = char.IsHighSurrogate((char)unit);
            }
            else if (unit >= 0x20 || unit is 0x08 or 0x09 or 0x0A or 0x0C or 0x0D)
            {
                // Only controls without a short escape are written as \u00xx.
                return -1;
            }
            else
            {
                afterHighSurrogate = false;
            }

            i += 6;
        }
    }

    /// <summary>
    /// Scans a number in JSON grammar at <paramref name="start"/> and accepts it only when it is JavaScript's own spelling
    /// of its value. Returns the index after it, or -1.
    /// </summary>
    private static int ScanNumber(ReadOnlySpan<byte> json, int start)
    {
        var i = start;
        var negative = json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var integerStart = i;
        if (i < json.Length && json[i] == (byte)'0')
        {
            i++;
        }
        else if (i < json.Length && json[i] is >= (byte)'1' and <= (byte)'9')
        {
            i = SkipDigits(json, i + 1);
        }
        else
        {
            return -1;
        }

        // The commonest case: a plain integer of up to 15 digits is its own JavaScript spelling, except -0.
        if ((i == json.Length || (json[i] != (byte)'.' && (json[i] | 0x20) != (byte)'e')) && i - integerStart <= 15)
        {
            return negative && json[integerStart] == (byte)'0' ? -1 : i;
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            var fraction = i + 1;
            i = SkipDigits(json, fraction);
            if (i == fraction)
            {
                return -1;
            }
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < json.Length && (json[i] == (byte)'+' || json[i] == (byte)'-'))
            {
                i++;
            }

            var exponent = i;
            i = SkipDigits(json, exponent);
            if (i == exponent)
            {
                return -1;
            }
        }

        var literal = json[start..i];
        if (!CanonicalJsonNumber.TryParse(literal, out var number))
        {
            return -1;
        }

        Span<byte> spelling = stackalloc byte[CanonicalJsonNumber.MaxFormattedLength];
        return spelling[..number.WriteJavaScript(spelling)].SequenceEqual(literal) ? i : -1;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, int i)
    {
        // Numbers are short: a scalar loop beats setting up a vectorized search.
        while (i < json.Length && (uint)(json[i] - '0') <= 9)
        {
            i++;
        }

        return i;
    }

    private static int LowercaseHex(ReadOnlySpan<byte> fourDigits)
    {
        var value = 0;
        foreach (var c in fourDigits)
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }
}
