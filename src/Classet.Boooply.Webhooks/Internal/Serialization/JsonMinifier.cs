namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>Removes the whitespace between the tokens of valid JSON text, leaving every token exactly as it was spelled.</summary>
internal static class JsonMinifier
{
    public static bool HasInsignificantWhitespace(ReadOnlySpan<byte> json)
    {
        var inString = false;
        for (var index = 0; index < json.Length; index++)
        {
            var b = json[index];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    index++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies <paramref name="json"/> into <paramref name="destination"/> (at least as long) without insignificant whitespace.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Minify(ReadOnlySpan<byte> json, Span<byte> destination)
    {
        var written = 0;
        var inString = false;
        for (var index = 0; index < json.Length; index++)
        {
            var b = json[index];
            if (inString)
            {
                destination[written++] = b;
                if (b == (byte)'\\')
                {
                    destination[written++] = json[++index];
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                inString = b == (byte)'"';
                destination[written++] = b;
            }
        }

        return written;
    }
}
