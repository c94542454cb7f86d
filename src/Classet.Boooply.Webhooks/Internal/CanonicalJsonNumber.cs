using System.Globalization;
using System.Text;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// A JSON number literal reduced to its decimal value (sign, significant digits, decimal exponent), accepted only when
/// that value survives the round trip through an IEEE double, and printed as JavaScript's <c>Number::toString</c> or
/// Python's <c>repr</c>/<c>int</c> would print it.
/// </summary>
/// <remarks>
/// <para>
/// "Survives" means: the exact decimal value of the literal equals the exact decimal value of the shortest
/// round-trip digits of the double it parses to (what JavaScript prints). So <c>1.0</c>, <c>2.50</c>, <c>100</c>,
/// <c>1e2</c>, <c>1E21</c>, <c>0.1</c>, <c>5e-324</c> and <c>-0</c> are accepted: each names one double and
/// reprinting it gives back the same decimal value, only spelled differently. Rejected are <c>1e400</c> (JavaScript
/// turns it into <c>null</c>, Python into <c>Infinity</c>), <c>1e-400</c> (a nonzero value that becomes 0),
/// <c>123456789012345678901</c> or <c>9007199254740993</c> (integers whose digits change), and any literal with more
/// significant digits than the double keeps (<c>0.10000000000000001</c>). For integer literals this comes down to: every
/// integer with |n| &lt;= 2^53 passes (it is exact, and its own digits are the shortest), and larger ones pass only when
/// JavaScript would print the same digits (<c>123456789012345680000</c> passes; <c>1152921504606846976</c>, exactly
/// 2^60, fails because JavaScript prints <c>1152921504606847000</c> while Python prints the original).
/// </para>
/// <para>
/// Why reject them even though only the canonical bytes are handed on: in such a body the raw text and the signed
/// canonical text disagree on a value. Any consumer that looks at the raw body (a log, a dead-letter store, another
/// parser) would see a value nobody signed, and the two vendor runtimes disagree with each other (Python keeps big
/// integers exactly, JavaScript rounds them), so a delivery could mean different things depending on which form
/// verified it. A vendor re-serializing its own object never produces such literals, so rejecting costs nothing.
/// </para>
/// </remarks>
internal sealed class CanonicalJsonNumber
{
    // A double's shortest round-trip form never needs more than 17 significant digits.
    private const int MaxSignificantDigits = 17;

    // Beyond these decimal exponents a nonzero value is infinite or zero as a double, so we stop without parsing.
    private const int MaxPointExponent = 310;
    private const int MinPointExponent = -325;

    private CanonicalJsonNumber(bool negative, string digits, int pointExponent, bool isFloatLiteral, string literal)
    {
        Negative = negative;
        Digits = digits;
        PointExponent = pointExponent;
        IsFloatLiteral = isFloatLiteral;
        Literal = literal;
    }

    public bool Negative { get; }

    /// <summary>Significant digits without leading or trailing zeros; empty for zero.</summary>
    public string Digits { get; }

    /// <summary>The value is <c>0.Digits × 10^PointExponent</c> (ECMAScript's <c>n</c>, Python's <c>decpt</c>).</summary>
    public int PointExponent { get; }

    /// <summary>Whether Python's <c>json.loads</c> makes it a <c>float</c> (the literal has a fraction or an exponent).</summary>
    public bool IsFloatLiteral { get; }

    public string Literal { get; }

    public bool IsZero => Digits.Length == 0;

    /// <summary>Reads a number literal the JSON reader has already validated; null when its value would not survive.</summary>
    public static CanonicalJsonNumber? TryCreate(ReadOnlySpan<byte> utf8Literal)
    {
        // The reader has validated the literal against the JSON grammar, so it is ASCII.
        var literal = Encoding.ASCII.GetString(utf8Literal);

        if (!TryDecompose(literal, out var negative, out var digits, out var pointExponent, out var isFloatLiteral))
        {
            return null;
        }

        if (digits.Length == 0)
        {
            return new CanonicalJsonNumber(negative, digits, 0, isFloatLiteral, literal);
        }

        if (digits.Length > MaxSignificantDigits || pointExponent > MaxPointExponent || pointExponent < MinPointExponent)
        {
            return null;
        }

        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value == 0)
        {
            return null;
        }

        // .NET Core 3.0 and later print the shortest digits that round-trip for "R", the same digits ECMAScript's
        // Number::toString and Python's repr choose; only the layout differs, which the writers below handle.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        if (!TryDecompose(shortest, out _, out var shortestDigits, out var shortestExponent, out _)
            || !string.Equals(shortestDigits, digits, StringComparison.Ordinal)
            || shortestExponent != pointExponent)
        {
            return null;
        }

        return new CanonicalJsonNumber(negative, digits, pointExponent, isFloatLiteral, literal);
    }

    /// <summary>Writes ECMAScript <c>Number::toString(x)</c> (radix 10) of the value.</summary>
    public void WriteJavaScript(PooledByteWriter output)
    {
        if (IsZero)
        {
            // -0 prints as "0" in JavaScript.
            output.Write((byte)'0');
            return;
        }

        Span<char> text = stackalloc char[64];
        var length = 0;
        if (Negative)
        {
            text[length++] = '-';
        }

        var k = Digits.Length;
        var n = PointExponent;
        if (k <= n && n <= 21)
        {
            Append(text, ref length, Digits);
            AppendZeros(text, ref length, n - k);
        }
        else if (0 < n && n <= 21)
        {
            Append(text, ref length, Digits.AsSpan(0, n));
            text[length++] = '.';
            Append(text, ref length, Digits.AsSpan(n));
        }
        else if (-6 < n && n <= 0)
        {
            Append(text, ref length, "0.");
            AppendZeros(text, ref length, -n);
            Append(text, ref length, Digits);
        }
        else
        {
            AppendScientific(text, ref length, minimumExponentDigits: 1);
        }

        output.WriteAscii(text[..length]);
    }

    /// <summary>Writes what Python's <c>json.dumps</c> prints: <c>float.__repr__</c> for float literals, the exact integer otherwise.</summary>
    public void WritePython(PooledByteWriter output)
    {
        if (!IsFloatLiteral)
        {
            // A Python int prints its exact value; JSON forbids leading zeros, so that is the literal, except -0 -> 0.
            output.WriteAscii(IsZero ? "0" : Literal);
            return;
        }

        if (IsZero)
        {
            output.WriteAscii(Negative ? "-0.0" : "0.0");
            return;
        }

        Span<char> text = stackalloc char[64];
        var length = 0;
        if (Negative)
        {
            text[length++] = '-';
        }

        // CPython's float_repr_style "short": repr(x) switches to exponent form when decpt <= -4 or decpt > 16,
        // writes at least two exponent digits with a sign, and adds ".0" to a fixed-form integer value.
        var k = Digits.Length;
        var n = PointExponent;
        if (n <= -4 || n > 16)
        {
            AppendScientific(text, ref length, minimumExponentDigits: 2);
        }
        else if (n <= 0)
        {
            Append(text, ref length, "0.");
            AppendZeros(text, ref length, -n);
            Append(text, ref length, Digits);
        }
        else if (n >= k)
        {
            Append(text, ref length, Digits);
            AppendZeros(text, ref length, n - k);
            Append(text, ref length, ".0");
        }
        else
        {
            Append(text, ref length, Digits.AsSpan(0, n));
            text[length++] = '.';
            Append(text, ref length, Digits.AsSpan(n));
        }

        output.WriteAscii(text[..length]);
    }

    private void AppendScientific(Span<char> text, ref int length, int minimumExponentDigits)
    {
        text[length++] = Digits[0];
        if (Digits.Length > 1)
        {
            text[length++] = '.';
            Append(text, ref length, Digits.AsSpan(1));
        }

        var exponent = PointExponent - 1;
        text[length++] = 'e';
        text[length++] = exponent < 0 ? '-' : '+';
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        AppendZeros(text, ref length, minimumExponentDigits - magnitude.Length);
        Append(text, ref length, magnitude);
    }

    private static void Append(Span<char> text, ref int length, ReadOnlySpan<char> value)
    {
        value.CopyTo(text[length..]);
        length += value.Length;
    }

    private static void AppendZeros(Span<char> text, ref int length, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text[length++] = '0';
        }
    }

    /// <summary>
    /// Splits a number in JSON syntax (or .NET's "R" output, which adds an optional '+' in the exponent) into sign,
    /// significant digits and point exponent. Exponents too large for an int saturate; callers reject those values.
    /// </summary>
    private static bool TryDecompose(string text, out bool negative, out string digits, out int pointExponent, out bool isFloatLiteral)
    {
        negative = false;
        digits = string.Empty;
        pointExponent = 0;
        isFloatLiteral = false;

        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerEnd = i;
        var fractionStart = i;
        var fractionEnd = i;
        if (i < text.Length && text[i] == '.')
        {
            isFloatLiteral = true;
            fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fractionEnd = i;
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            isFloatLiteral = true;
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000_000L);
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length || integerEnd == integerStart)
        {
            return false;
        }

        var all = string.Concat(text.AsSpan(integerStart, integerEnd - integerStart), text.AsSpan(fractionStart, fractionEnd - fractionStart));
        var leadingZeros = 0;
        while (leadingZeros < all.Length && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = all[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return true;
        }

        var point = (integerEnd - integerStart) - leadingZeros + exponent;
        pointExponent = (int)Math.Clamp(point, int.MinValue / 2, int.MaxValue / 2);
        return true;
    }
}
