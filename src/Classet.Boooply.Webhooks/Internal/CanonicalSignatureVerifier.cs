using System.Security.Cryptography;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// The opt-in fallback that verifies a body's canonical JSON forms after a raw-body mismatch: it re-serializes the
/// body exactly as the vendors' documented receivers do (<c>JSON.stringify(JSON.parse(body))</c>, and for Boooply
/// also Python's <c>json.dumps(json.loads(body), separators=(',', ':'))</c>) and checks the HMAC of those bytes.
/// </summary>
/// <remarks>
/// On success the result carries the canonical bytes, because those are what was signed: the caller parses them
/// instead of the raw body, so a difference between our parser and the vendor's cannot slip an unsigned value
/// through. Bodies the canonicalizer refuses (invalid UTF-8 or JSON, duplicate keys, numbers that do not survive a
/// double, nesting deeper than 64) are a plain mismatch; nothing here throws for any body.
/// </remarks>
internal static class CanonicalSignatureVerifier
{
    private const int HashSize = 32;

    // Python's ensure_ascii can turn one byte into six ("\u0001"); this keeps every form within one array.
    private const int MaxBodyLength = 256 * 1024 * 1024;

    public static WebhookVerificationResult Verify(HmacSignatureVerifier keys, ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected, WebhookCanonicalForms forms)
    {
        if (body.Length > MaxBodyLength || expected.Length != HashSize)
        {
            return WebhookVerificationResult.Mismatch;
        }

        var root = CanonicalJsonParser.TryParse(body);
        if (root is null)
        {
            return WebhookVerificationResult.Mismatch;
        }

        using var output = new PooledByteWriter(body.Length);
        if ((forms & WebhookCanonicalForms.JavaScript) != 0)
        {
            JavaScriptJsonWriter.Write(root, output);
            var result = Match(keys, output, expected, WebhookVerificationMethod.CanonicalJavaScript);
            if (result.IsVerified)
            {
                return result;
            }
        }

        if ((forms & WebhookCanonicalForms.Python) != 0)
        {
            output.Reset();
            PythonJsonWriter.Write(root, output);
            var result = Match(keys, output, expected, WebhookVerificationMethod.CanonicalPython);
            if (result.IsVerified)
            {
                return result;
            }
        }

        return WebhookVerificationResult.Mismatch;
    }

    private static WebhookVerificationResult Match(HmacSignatureVerifier keys, PooledByteWriter output, ReadOnlySpan<byte> expected, WebhookVerificationMethod method)
    {
        Span<byte> actual = stackalloc byte[HashSize];
        var canonical = output.WrittenSpan;
        for (var i = 0; i < keys.KeyCount; i++)
        {
            keys.ComputeHash(i, canonical, actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                // An owned copy: the pooled buffer goes back to the pool when this method's caller returns.
                return WebhookVerificationResult.Success(method, i, canonical.ToArray());
            }
        }

        return WebhookVerificationResult.Mismatch;
    }
}
