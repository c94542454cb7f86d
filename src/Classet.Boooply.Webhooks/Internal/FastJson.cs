using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Building blocks of the hand-written readers. Each reads one value exactly as the generated binder would, or throws
/// <see cref="FastPathDeclinedException"/> for anything else, so the generated binder (with its paths and messages)
/// decides every unusual case.
/// </summary>
internal static class FastJson
{
    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    public delegate T ReadItem<T>(ref Utf8JsonReader reader);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Decline() => throw new FastPathDeclinedException();

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T Decline<T>() => throw new FastPathDeclinedException();

    /// <summary>Moves to the next property of the current object; false at its end. The name is raw, never escaped.</summary>
    /// <remarks>
    /// Escaped names, and names starting with <c>$</c> (which System.Text.Json may treat as metadata), are left to
    /// the generated binder, so a raw comparison of the name is exact.
    /// </remarks>
    public static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            name = default;
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            Decline();
        }

        name = reader.ValueSpan;
        if (name.Length > 0 && name[0] == (byte)'$')
        {
            Decline();
        }

        return true;
    }

    /// <summary>Records that a member was read; a repeated key is left to the generated binder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mark(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            Decline();
        }

        seen |= bit;
    }

    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Decline();
        }
    }

    public static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => Decline<string>(),
        };
    }

    public static string RequiredString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : Decline<string>();
    }

    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when TryGetWholeNumber(reader.ValueSpan, out var whole) => whole,
            JsonTokenType.Number when reader.TryGetDecimal(out var value) => value,
            JsonTokenType.Null => null,
            _ => Decline<decimal?>(),
        };
    }

    /// <summary>
    /// Plain non-negative integers (what offsets and scores almost always are), without the general decimal parser.
    /// The result is the same decimal, scale 0, that <see cref="Utf8JsonReader.TryGetDecimal"/> gives for them.
    /// </summary>
    private static bool TryGetWholeNumber(ReadOnlySpan<byte> number, out decimal value)
    {
        if (number.Length > 18)
        {
            value = 0;
            return false;
        }

        long whole = 0;
        foreach (var digit in number)
        {
            var d = (uint)(digit - '0');
            if (d > 9)
            {
                value = 0;
                return false;
            }

            whole = (whole * 10) + d;
        }

        value = whole;
        return true;
    }

    /// <summary>
    /// Numbers such as <c>12.345</c> (at most 15 digits, no exponent), what timings are, without the general parser.
    /// Both the digits and the power of ten are exact doubles, and IEEE division rounds correctly, so the quotient is
    /// the correctly rounded value the general parser returns too (Clinger's fast path).
    /// </summary>
    private static bool TryGetShortDecimalFraction(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var negative = number.Length > 0 && number[0] == (byte)'-';
        var digits = negative ? number[1..] : number;
        if (digits.IsEmpty || digits.Length > 16)
        {
            return false;
        }

        long mantissa = 0;
        var count = 0;
        var fractionDigits = -1;
        foreach (var c in digits)
        {
            if (c == (byte)'.' && fractionDigits < 0)
            {
                fractionDigits = 0;
                continue;
            }

            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            count++;
            if (fractionDigits >= 0)
            {
                fractionDigits++;
            }
        }

        if (count > 15 || fractionDigits == 0)
        {
            return false;
        }

        value = fractionDigits > 0 ? mantissa / PowersOfTen[fractionDigits] : mantissa;

        // -0 keeps its sign, as the general parser does.
        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// A string that often repeats (a transcript's speaker names): an ASCII value equal to one of the two last ones
    /// read is shared instead of decoded and allocated again. Strings are immutable, so sharing is invisible.
    /// </summary>
    public static string? RepeatedString(ref Utf8JsonReader reader, ref string? recent, ref string? older)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            var raw = reader.ValueSpan;
            if (recent is not null && Ascii.Equals(raw, recent))
            {
                return recent;
            }

            if (older is not null && Ascii.Equals(raw, older))
            {
                (recent, older) = (older, recent);
                return recent;
            }

            older = recent;
            recent = reader.GetString();
            return recent;
        }

        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => Decline<string>(),
        };
    }

    public static int? Int32(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => null,
            _ => Decline<int?>(),
        };
    }

    public static bool? Boolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => Decline<bool?>(),
        };
    }

    /// <summary>A number a double holds; <c>1e400</c> would become infinity, which the Classet binder rejects.</summary>
    public static double? FiniteDouble(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when TryGetShortDecimalFraction(reader.ValueSpan, out var exact) => exact,
            JsonTokenType.Number when reader.TryGetDouble(out var value) && double.IsFinite(value) => value,
            JsonTokenType.Null => null,
            _ => Decline<double?>(),
        };
    }

    public static TEnum? Enum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, IWebhookStringEnum<TEnum>
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => TEnum.Create(reader.GetString()!),
            JsonTokenType.Null => null,
            _ => Decline<TEnum?>(),
        };
    }

    /// <summary>A list of items; a <c>null</c> item is kept only when <paramref name="allowNullItems"/>.</summary>
    public static List<T>? List<T>(ref Utf8JsonReader reader, ReadItem<T> readItem, bool allowNullItems)
        where T : class
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Decline();
        }

        var list = new List<T>();
        while (true)
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return list;
                case JsonTokenType.Null when allowNullItems:
                    list.Add(null!);
                    break;
                default:
                    list.Add(readItem(ref reader));
                    break;
            }
        }
    }

    /// <summary>A nested record: <c>null</c> or an object read by <paramref name="readObject"/> (which starts on its <c>{</c>).</summary>
    public static T? Object<T>(ref Utf8JsonReader reader, ReadItem<T> readObject)
        where T : class
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : readObject(ref reader);
    }

    public static string StringItem(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        _ => Decline<string>(),
    };

    /// <summary>
    /// Keeps an unknown property as extension data, as the generated binder does. A repeated key, and a key that names
    /// one of the record's <c>[JsonIgnore]</c> members in any case (the binder drops those), are left to the binder.
    /// </summary>
    public static void Extension(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref Dictionary<string, JsonElement>? extensionData, scoped ReadOnlySpan<string> ignoredMembers = default)
    {
        var key = Encoding.UTF8.GetString(name);
        foreach (var ignored in ignoredMembers)
        {
            if (key.Equals(ignored, StringComparison.OrdinalIgnoreCase))
            {
                Decline();
            }
        }

        reader.Read();
        extensionData ??= [];
        if (!extensionData.TryAdd(key, JsonElement.ParseValue(ref reader)))
        {
            Decline();
        }
    }

    /// <summary>After the root object: nothing but whitespace may follow (the reader throws otherwise).</summary>
    public static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            Decline();
        }
    }
}
