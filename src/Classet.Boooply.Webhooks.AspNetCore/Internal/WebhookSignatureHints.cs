namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>Hints logged when a signature does not match, to tell a wrong secret from a body changed in transit.</summary>
internal static class WebhookSignatureHints
{
    /// <summary>
    /// Whether the body is compact JSON (no whitespace between tokens), the shape of the vendors' <c>JSON.stringify</c>.
    /// A body with whitespace was most likely reformatted by something in between, so the raw bytes differ from the
    /// signed ones; a compact body that still mismatches points to the wrong secret.
    /// </summary>
    /// <remarks>
    /// Kept behind this one method so it can defer to the core's <c>WebhookJsonDiagnostics.IsCompactCanonicalJson</c>,
    /// which also checks key order and escaping, once that is available.
    /// </remarks>
    public static bool IsCompactJson(ReadOnlySpan<byte> body)
    {
        var inString = false;
        var escaped = false;
        foreach (var value in body)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (value == (byte)'\\')
                {
                    escaped = true;
                }
                else if (value == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (value == (byte)'"')
            {
                inString = true;
            }
            else if (value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return false;
            }
        }

        return body.Length > 0;
    }
}
