using System.Buffers;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>
/// Finds and replaces lone UTF-16 surrogate escapes (<c>\ud83d</c> without its pair). JavaScript strings may hold
/// them, for example a summary cut in the middle of an emoji, and <c>JSON.stringify</c> writes them as such escapes;
/// .NET strings cannot be decoded from them, so one would otherwise cost the whole delivery.
/// </summary>
internal static class BoooplyLoneSurrogates
{
    /// <summary>Whether <paramref name="utf8Json"/> holds at least one lone surrogate escape.</summary>
    public static bool Contains(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.IndexOf("\\u"u8) >= 0 && Scan(utf8Json, null);

    /// <summary>
    /// Copies <paramref name="utf8Json"/> into a pooled buffer with each lone surrogate escape replaced by
    /// <c>\ufffd</c> (the replacement character, same length, so byte positions in errors stay true).
    /// </summary>
    /// <returns>The rented buffer; return it to <see cref="ArrayPool{T}.Shared"/>. Its first <c>utf8Json.Length</c> bytes are the result.</returns>
    public static byte[] Replace(ReadOnlySpan<byte> utf8Json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        utf8Json.CopyTo(rented);
        Scan(rented.AsSpan(0, utf8Json.Length), rented);
        return rented;
    }

    private static bool Scan(ReadOnlySpan<byte> text, byte[]? replaceInto)
    {
        var found = false;
        var i = 0;
        while (i < text.Length)
        {
            var slash = text[i..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                break;
            }

            i += slash;
            if (i + 1 >= text.Length || text[i + 1] != (byte)'u')
            {
                // Any other escape, including an escaped backslash, is two bytes long.
                i += 2;
                continue;
            }

            if (!TryHex4(text, i + 2, out var unit))
            {
                i += 2;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF
                && i + 11 < text.Length && text[i + 6] == (byte)'\\' && text[i + 7] == (byte)'u'
                && TryHex4(text, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF)
            {
                i += 12;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                found = true;
                if (replaceInto is null)
                {
                    return true;
                }

                "fffd"u8.CopyTo(replaceInto.AsSpan(i + 2));
            }

            i += 6;
        }

        return found;
    }

    private static bool TryHex4(ReadOnlySpan<byte> text, int start, out int value)
    {
        value = 0;
        if (start + 4 > text.Length)
        {
            return false;
        }

        for (var k = start; k < start + 4; k++)
        {
            var digit = text[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => text[k] - '0',
                >= (byte)'a' and <= (byte)'f' => text[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => text[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
