using System.Globalization;

namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>
/// Spells numbers as JavaScript's <c>JSON.stringify</c> and Python's <c>json.dumps</c> do. Both print the shortest
/// digits that read back as the same double (as .NET's round-trip format does); they differ in where they switch to
/// exponent notation, in how they write the exponent, and in Python keeping integers exact and floats with a <c>.0</c>.
/// </summary>
internal static class TestJsonNumbers
{
    /// <summary>JavaScript: every JSON number is a double; a value out of range becomes <c>null</c>, as JSON.stringify writes Infinity.</summary>
    public static string ToJavaScript(string literal)
    {
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return "null";
        }

        if (value == 0)
        {
            return "0";
        }

        var (negative, digits, point) = Decompose(value);
        var k = digits.Length;
        string text;
        if (k <= point && point <= 21)
        {
            text = digits + new string('0', point - k);
        }
        else if (point > 0 && point <= 21)
        {
            text = string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point));
        }
        else if (point > -6 && point <= 0)
        {
            text = "0." + new string('0', -point) + digits;
        }
        else
        {
            text = Exponent(digits, point - 1, minimumExponentDigits: 1);
        }

        return negative ? "-" + text : text;
    }

    /// <summary>Python: a literal without fraction or exponent is an int, kept exactly; anything else is a float, printed by <c>repr</c>.</summary>
    public static string ToPython(string literal)
    {
        if (literal.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            // int("-0") is 0; every other integer literal of valid JSON is already how Python prints it.
            return literal.AsSpan().TrimStart('-').TrimStart('0').IsEmpty ? "0" : literal;
        }

        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (negative, digits, point) = Decompose(value);
        var k = digits.Length;
        string text;
        if (point <= -4 || point > 16)
        {
            text = Exponent(digits, point - 1, minimumExponentDigits: 2);
        }
        else if (point <= 0)
        {
            text = "0." + new string('0', -point) + digits;
        }
        else if (point >= k)
        {
            text = digits + new string('0', point - k) + ".0";
        }
        else
        {
            text = string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point));
        }

        return negative ? "-" + text : text;
    }

    private static string Exponent(string digits, int exponent, int minimumExponentDigits)
    {
        var mantissa = digits.Length == 1 ? digits : string.Concat(digits.AsSpan(0, 1), ".", digits.AsSpan(1));
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minimumExponentDigits, '0');
        return mantissa + "e" + sign + magnitude;
    }

    /// <summary>
    /// Splits a finite, non-zero double into its shortest round-trip digits (no leading or trailing zeros) and the
    /// position of the decimal point relative to them: value = 0.digits × 10^point.
    /// </summary>
    private static (bool Negative, string Digits, int Point) Decompose(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? text : text[..dot];
        var digits = dot < 0 ? text : integerPart + text[(dot + 1)..];
        var point = integerPart.Length + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        return (negative, digits[leading..].TrimEnd('0'), point - leading);
    }
}
