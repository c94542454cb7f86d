using System.Globalization;
using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// Builds random but valid JSON bodies (seeded, so failures reproduce) that exercise every canonicalization rule at
/// once: number re-spellings of doubles, integer-like and escaped keys, every escape class, surrogates, whitespace.
/// Every number it writes is a spelling of some double's exact shortest value, so the canonical path must accept it.
/// </summary>
internal sealed class RandomJsonGenerator
{
    private static readonly string[] SpecialKeys = ["0", "1", "2", "10", "01", "-1", "4294967294", "4294967295", "a", "b", "__proto__", "", "é"];

    private static readonly char[] SpecialChars =
    [
        '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\0', '\u001f', '\u007f', '\u0080', 'é', '中', '\u2028', '\u2029',
        '\ufeff', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff',
    ];

    private readonly Random _random;
    private readonly StringBuilder _builder = new();

    public RandomJsonGenerator(int seed)
    {
        _random = new Random(seed);
    }

    public byte[] Next()
    {
        _builder.Clear();
        Whitespace();
        Value(0);
        Whitespace();
        return Encoding.UTF8.GetBytes(_builder.ToString());
    }

    private void Value(int depth)
    {
        var choice = depth >= 5 ? _random.Next(2, 6) : _random.Next(6);
        switch (choice)
        {
            case 0:
                Object(depth);
                break;
            case 1:
                Array(depth);
                break;
            case 2:
            case 3:
                String(RandomText());
                break;
            case 4:
                _builder.Append(Number());
                break;
            default:
                _builder.Append(_random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
        }
    }

    private void Object(int depth)
    {
        _builder.Append('{');
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var count = _random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var key = _random.Next(2) == 0 ? SpecialKeys[_random.Next(SpecialKeys.Length)] : RandomText();
            if (!keys.Add(key))
            {
                continue;
            }

            if (keys.Count > 1)
            {
                _builder.Append(',');
            }

            Whitespace();
            String(key);
            Whitespace();
            _builder.Append(':');
            Whitespace();
            Value(depth + 1);
            Whitespace();
        }

        _builder.Append('}');
    }

    private void Array(int depth)
    {
        _builder.Append('[');
        var count = _random.Next(5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _builder.Append(',');
            }

            Whitespace();
            Value(depth + 1);
            Whitespace();
        }

        _builder.Append(']');
    }

    private string RandomText()
    {
        var text = new StringBuilder();
        var length = _random.Next(8);
        for (var i = 0; i < length; i++)
        {
            switch (_random.Next(4))
            {
                case 0:
                    text.Append(SpecialChars[_random.Next(SpecialChars.Length)]);
                    break;
                case 1:
                    text.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
                    break;
                default:
                    text.Append((char)_random.Next(0x20, 0x7f));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the code units of <paramref name="text"/> as a JSON string, each raw or escaped at random.</summary>
    private void String(string text)
    {
        _builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mustEscape = c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c);
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair && _random.Next(2) == 0)
            {
                _builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!mustEscape && _random.Next(4) != 0)
            {
                _builder.Append(c);
                continue;
            }

            var shortEscape = c switch { '"' => "\\\"", '\\' => "\\\\", '/' => "\\/", '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => null };
            if (shortEscape is not null && _random.Next(2) == 0)
            {
                _builder.Append(shortEscape);
            }
            else
            {
                _builder.Append("\\u").Append(((int)c).ToString(_random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
            }
        }

        _builder.Append('"');
    }

    private string Number()
    {
        var value = _random.Next(6) switch
        {
            0 => _random.Next(-1000, 1000),
            1 => Math.Round(_random.NextDouble() * 1000, _random.Next(5)),
            2 => BitConverter.Int64BitsToDouble(_random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5,
            3 => (_random.Next(2) == 0 ? 1 : -1) * (9007199254740992d - _random.Next(100)),
            4 => Math.Pow(10, _random.Next(-30, 30)) * (_random.Next(1, 10)),
            _ => _random.Next(2) == 0 ? -0.0 : 0.0,
        };

        return Spell(value);
    }

    /// <summary>One of the many JSON spellings of the double's shortest decimal value.</summary>
    private string Spell(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var mantissa = shortest.TrimStart('-');
        var exponent = 0;
        var e = mantissa.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(mantissa[(e + 1)..], CultureInfo.InvariantCulture);
            mantissa = mantissa[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerLength = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var stripped = all.TrimStart('0');
        var pointExponent = integerLength - (all.Length - stripped.Length) + exponent;
        var digits = stripped.TrimEnd('0');
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + (_random.Next(3) switch { 0 => "0", 1 => "0.0", _ => "0e" + _random.Next(5) });
        }

        digits += new string('0', _random.Next(3));
        var split = _random.Next(digits.Length + 1);
        var literalExponent = pointExponent - split;
        var integerPart = split == 0 ? "0" : digits[..split];
        var fraction = split == digits.Length ? string.Empty : "." + digits[split..];
        var text = new StringBuilder(sign).Append(integerPart).Append(fraction);
        if (literalExponent != 0 || _random.Next(4) == 0)
        {
            text.Append(_random.Next(2) == 0 ? 'e' : 'E');
            text.Append(literalExponent < 0 ? "-" : _random.Next(2) == 0 ? "+" : string.Empty);
            text.Append(new string('0', _random.Next(2))).Append(Math.Abs(literalExponent).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private void Whitespace()
    {
        var count = _random.Next(4) == 0 ? _random.Next(1, 3) : 0;
        for (var i = 0; i < count; i++)
        {
            _builder.Append(" \t\n\r"[_random.Next(4)]);
        }
    }
}
