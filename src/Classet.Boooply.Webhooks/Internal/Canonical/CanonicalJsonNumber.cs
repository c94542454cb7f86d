using System.Globalization;

namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>
/// A JSON number literal reduced to its decimal value (sign, significant digits, decimal exponent), accepted only when
/// that value survives the round trip through an IEEE double, and printed as JavaScript's <c>Number::toString</c> or
/// Python's <c>repr</c>/<c>int</c> would print it. Allocates nothing.
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
/// <para>
/// A literal with at most 15 significant digits inside the normal range of doubles always survives (that is what
/// <c>DBL_DIG</c> = 15 guarantees: such a decimal comes back from the double unchanged, so it is also the shortest), so
/// ordinary literals are decided from their digits alone; only longer or extreme ones are parsed and reprinted.
/// </para>
/// </remarks>
internal readonly struct CanonicalJsonNumber
{
    /// <summary>Room for every form the writers print, except Python's exact integers, which are the literal itself.</summary>
    public const int MaxFormattedLength = 32;

    // A double's shortest round-trip form never needs more than 17 significant digits.
    private const int MaxSignificantDigits = 17;

    // Beyond these decimal exponents a nonzero value is infinite or zero as a double, so we stop without parsing.
    private const int MaxPointExponent = 310;
    private const int MinPointExponent = -325;

    // Within these bounds a literal survives by its digits alone (see the remarks).
    private const int ExactSignificantDigits = 15;
    private const int ExactMaxPointExponent = 308;
    private const int ExactMinPointExponent = -300;

    private readonly ulong _significand;
    private readonly int _digitCount;

    private CanonicalJsonNumber(bool negative, ulong significand, int digitCount, int pointExponent, bool isFloatLiteral)
    {
        Negative = negative;
        _significand = significand;
        _digitCount = digitCount;
        PointExponent = pointExponent;
        IsFloatLiteral = isFloatLiteral;
    }

    public bool Negative { get; }

    /// <summary>The value is <c>0.digits × 10^PointExponent</c> (ECMAScript's <c>n</c>, Python's <c>decpt</c>).</summary>
    public int PointExponent { get; }

    /// <summary>Whether Python's <c>json.loads</c> makes it a <c>float</c> (the literal has a fraction or an exponent).</summary>
    public bool IsFloatLiteral { get; }

    public bool IsZero => _digitCount == 0;

    /// <summary>
    /// Whether a literal in JSON grammar is an integer of at most 15 digits, the commonest number in a body. Such a
    /// literal is exact as a double and has no leading zero, so JavaScript and Python both print it as it is, except
    /// <c>-0</c>, which both print as <c>0</c>; no parsing is needed.
    /// </summary>
    public static bool IsShortInteger(ReadOnlySpan<byte> literal)
    {
        var digits = !literal.IsEmpty && literal[0] == (byte)'-' ? literal[1..] : literal;
        return digits.Length is > 0 and <= ExactSignificantDigits && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    /// <summary>Reads a number literal the JSON reader has already validated; false when its value would not survive.</summary>
    public static bool TryParse(ReadOnlySpan<byte> literal, out CanonicalJsonNumber number)
    {
        number = default;
        if (!TryDecompose(literal, out var negative, out var significand, out var count, out var point, out var isFloatLiteral))
        {
            return false;
        }

        if (count == 0)
        {
            number = new CanonicalJsonNumber(negative, 0, 0, 0, isFloatLiteral);
            return true;
        }

        if (count > MaxSignificantDigits || point > MaxPointExponent || point < MinPointExponent)
        {
            return false;
        }

        if (count > ExactSignificantDigits || point > ExactMaxPointExponent || point < ExactMinPointExponent)
        {
            // .NET Core 3.0 and later print the shortest digits that round-trip for "R", the same digits ECMAScript's
            // Number::toString and Python's repr choose; only the layout differs, which the writers below handle.
            Span<byte> shortest = stackalloc byte[MaxFormattedLength];
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value)
                || value == 0
                || !value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture)
                || !TryDecompose(shortest[..written], out _, out var shortestSignificand, out var shortestCount, out var shortestPoint, out _)
                || shortestSignificand != significand
                || shortestCount != count
                || shortestPoint != point)
            {
                return false;
            }
        }

        number = new CanonicalJsonNumber(negative, significand, count, point, isFloatLiteral);
        return true;
    }

    /// <summary>Writes ECMAScript <c>Number::toString(x)</c> (radix 10) of the value and returns its length.</summary>
    /// <param name="destination">At least <see cref="MaxFormattedLength"/> bytes.</param>
    public int WriteJavaScript(Span<byte> destination)
    {
        if (IsZero)
        {
            // -0 prints as "0" in JavaScript.
            destination[0] = (byte)'0';
            return 1;
        }

        Span<byte> digits = stackalloc byte[MaxSignificantDigits];
        var k = FormatDigits(digits);
        var n = PointExponent;
        var length = 0;
        if (Negative)
        {
            destination[length++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            Append(destination, ref length, digits[..k]);
            AppendZeros(destination, ref length, n - k);
        }
        else if (0 < n && n <= 21)
        {
            Append(destination, ref length, digits[..n]);
            destination[length++] = (byte)'.';
            Append(destination, ref length, digits[n..k]);
        }
        else if (-6 < n && n <= 0)
        {
            Append(destination, ref length, "0."u8);
            AppendZeros(destination, ref length, -n);
            Append(destination, ref length, digits[..k]);
        }
        else
        {
            AppendScientific(destination, ref length, digits[..k], n, minimumExponentDigits: 1);
        }

        return length;
    }

    /// <summary>Writes what Python's <c>json.dumps</c> prints, <c>float.__repr__</c> for float literals and the exact integer otherwise, and returns its length.</summary>
    /// <param name="literal">The literal this number was parsed from.</param>
    /// <param name="destination">At least <see cref="MaxFormattedLength"/> bytes and at least the literal's length.</param>
    public int WritePython(ReadOnlySpan<byte> literal, Span<byte> destination)
    {
        if (!IsFloatLiteral)
        {
            // A Python int prints its exact value; JSON forbids leading zeros, so that is the literal, except -0 -> 0.
            if (IsZero)
            {
                destination[0] = (byte)'0';
                return 1;
            }

            literal.CopyTo(destination);
            return literal.Length;
        }

        var length = 0;
        if (Negative)
        {
            destination[length++] = (byte)'-';
        }

        if (IsZero)
        {
            Append(destination, ref length, "0.0"u8);
            return length;
        }

        // CPython's float_repr_style "short": repr(x) switches to exponent form when decpt <= -4 or decpt > 16,
        // writes at least two exponent digits with a sign, and adds ".0" to a fixed-form integer value.
        Span<byte> digits = stackalloc byte[MaxSignificantDigits];
        var k = FormatDigits(digits);
        var n = PointExponent;
        if (n <= -4 || n > 16)
        {
            AppendScientific(destination, ref length, digits[..k], n, minimumExponentDigits: 2);
        }
        else if (n <= 0)
        {
            Append(destination, ref length, "0."u8);
            AppendZeros(destination, ref length, -n);
            Append(destination, ref length, digits[..k]);
        }
        else if (n >= k)
        {
            Append(destination, ref length, digits[..k]);
            AppendZeros(destination, ref length, n - k);
            Append(destination, ref length, ".0"u8);
        }
        else
        {
            Append(destination, ref length, digits[..n]);
            destination[length++] = (byte)'.';
            Append(destination, ref length, digits[n..k]);
        }

        return length;
    }

    private int FormatDigits(Span<byte> digits)
    {
        var value = _significand;
        for (var i = _digitCount - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }

        return _digitCount;
    }

    private static void AppendScientific(Span<byte> destination, ref int length, ReadOnlySpan<byte> digits, int pointExponent, int minimumExponentDigits)
    {
        destination[length++] = digits[0];
        if (digits.Length > 1)
        {
            destination[length++] = (byte)'.';
            Append(destination, ref length, digits[1..]);
        }

        var exponent = pointExponent - 1;
        destination[length++] = (byte)'e';
        destination[length++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(exponent);
        var exponentDigits = magnitude >= 100 ? 3 : magnitude >= 10 ? 2 : 1;
        AppendZeros(destination, ref length, minimumExponentDigits - exponentDigits);
        for (var i = exponentDigits - 1; i >= 0; i--)
        {
            destination[length + i] = (byte)('0' + (magnitude % 10));
            magnitude /= 10;
        }

        length += exponentDigits;
    }

    private static void Append(Span<byte> destination, ref int length, ReadOnlySpan<byte> value)
    {
        value.CopyTo(destination[length..]);
        length += value.Length;
    }

    private static void AppendZeros(Span<byte> destination, ref int length, int count)
    {
        if (count > 0)
        {
            destination.Slice(length, count).Fill((byte)'0');
            length += count;
        }
    }

    /// <summary>
    /// Splits a number in JSON syntax (or .NET's "R" output, which adds 'E' and an optional '+' in the exponent) into
    /// sign, significant digits and point exponent. <paramref name="digitCount"/> may exceed what
    /// <paramref name="significand"/> holds (more than 17 digits); callers reject those. Exponents too large for an int
    /// saturate; callers reject those values too.
    /// </summary>
    private static bool TryDecompose(ReadOnlySpan<byte> text, out bool negative, out ulong significand, out int digitCount, out int pointExponent, out bool isFloatLiteral)
    {
        negative = false;
        significand = 0;
        digitCount = 0;
        pointExponent = 0;
        isFloatLiteral = false;

        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
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
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
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
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                exponent = Math.Min((exponent * 10) + (text[i] - '0'), 1_000_000_000L);
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

        // The significant digits run from the first to the last nonzero digit of the integer and fraction parts together.
        var integerDigits = text[integerStart..integerEnd];
        var fractionDigits = text[fractionStart..fractionEnd];
        var first = IndexOfNonZero(integerDigits, fractionDigits, fromEnd: false);
        if (first < 0)
        {
            return true;
        }

        var last = IndexOfNonZero(integerDigits, fractionDigits, fromEnd: true);
        digitCount = last - first + 1;
        if (digitCount <= MaxSignificantDigits)
        {
            for (var j = first; j <= last; j++)
            {
                var digit = j < integerDigits.Length ? integerDigits[j] : fractionDigits[j - integerDigits.Length];
                significand = (significand * 10) + (ulong)(digit - '0');
            }
        }

        var point = integerDigits.Length - first + exponent;
        pointExponent = (int)Math.Clamp(point, int.MinValue / 2, int.MaxValue / 2);
        return true;
    }

    /// <summary>The position of the first (or last) nonzero digit in <paramref name="integerDigits"/> followed by <paramref name="fractionDigits"/>, or -1.</summary>
    private static int IndexOfNonZero(ReadOnlySpan<byte> integerDigits, ReadOnlySpan<byte> fractionDigits, bool fromEnd)
    {
        if (fromEnd)
        {
            var inFraction = fractionDigits.LastIndexOfAnyExcept((byte)'0');
            return inFraction >= 0 ? integerDigits.Length + inFraction : integerDigits.LastIndexOfAnyExcept((byte)'0');
        }

        var inInteger = integerDigits.IndexOfAnyExcept((byte)'0');
        if (inInteger >= 0)
        {
            return inInteger;
        }

        var fraction = fractionDigits.IndexOfAnyExcept((byte)'0');
        return fraction >= 0 ? integerDigits.Length + fraction : -1;
    }
}
