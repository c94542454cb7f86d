namespace Classet.Boooply.Webhooks.Internal.Signatures;

/// <summary>
/// Allocation-free base64url (RFC 4648 §5) encode and decode. Hand-written because <c>System.Buffers.Text.Base64Url</c>
/// is not in the net8.0 BCL and the core package depends on nothing beyond the BCL and System.Text.Json.
/// </summary>
internal static class Base64UrlEncoding
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The length of the unpadded encoding of <paramref name="byteCount"/> bytes.</summary>
    public static int GetEncodedLength(int byteCount) => ((byteCount * 4) + 2) / 3;

    /// <summary>
    /// Decodes base64url, with or without <c>=</c> padding, into exactly <paramref name="destination"/>.Length bytes.
    /// Returns false for a wrong length, a character outside the base64url alphabet, wrong padding, or
    /// non-zero trailing bits (which would let two header values decode to the same bytes).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var unpadded = GetEncodedLength(destination.Length);
        if (text.Length != unpadded)
        {
            var padded = (unpadded + 3) & ~3;
            if (text.Length != padded || text[unpadded..].ContainsAnyExcept('='))
            {
                return false;
            }

            text = text[..unpadded];
        }

        var invalid = 0;
        var written = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var c in text)
        {
            var value = Sextet(c);
            invalid |= value & 0xC0;
            buffer = (buffer << 6) | (value & 0x3F);
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        // Leftover bits must be zero for a canonical encoding.
        invalid |= buffer;
        return invalid == 0;
    }

    /// <summary>Writes unpadded base64url, as Node's <c>digest('base64url')</c> does.</summary>
    public static int Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var written = 0;
        var i = 0;
        for (; i + 3 <= bytes.Length; i += 3)
        {
            var chunk = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            destination[written++] = Alphabet[(chunk >> 18) & 0x3F];
            destination[written++] = Alphabet[(chunk >> 12) & 0x3F];
            destination[written++] = Alphabet[(chunk >> 6) & 0x3F];
            destination[written++] = Alphabet[chunk & 0x3F];
        }

        var remaining = bytes.Length - i;
        if (remaining == 1)
        {
            var chunk = bytes[i] << 16;
            destination[written++] = Alphabet[(chunk >> 18) & 0x3F];
            destination[written++] = Alphabet[(chunk >> 12) & 0x3F];
        }
        else if (remaining == 2)
        {
            var chunk = (bytes[i] << 16) | (bytes[i + 1] << 8);
            destination[written++] = Alphabet[(chunk >> 18) & 0x3F];
            destination[written++] = Alphabet[(chunk >> 12) & 0x3F];
            destination[written++] = Alphabet[(chunk >> 6) & 0x3F];
        }

        return written;
    }

    // Returns 0..63, or 0xFF for a character outside the base64url alphabet.
    private static int Sextet(char c) => c < 128 ? Table[c] : 0xFF;

    private static ReadOnlySpan<byte> Table =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3E, 0xFF, 0xFF,
        0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
        0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F,
        0xFF, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];
}
