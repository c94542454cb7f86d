using System.Text.Unicode;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>
/// The opt-in fallback that verifies a body's canonical JSON forms after a raw-body mismatch: it re-serializes the
/// body exactly as the vendors' documented receivers do (<c>JSON.stringify(JSON.parse(body))</c>, and for Boooply
/// also Python's <c>json.dumps(json.loads(body), separators=(',', ':'))</c>) and checks the HMAC of those bytes.
/// </summary>
/// <remarks>
/// <para>
/// On success the result carries the canonical bytes, because those are what was signed: the caller parses them
/// instead of the raw body, so a difference between our parser and the vendor's cannot slip an unsigned value
/// through. Bodies the canonicalizer refuses (invalid UTF-8 or JSON, duplicate keys, numbers that do not survive a
/// double, nesting deeper than 64) are a plain mismatch; nothing here throws for any body.
/// </para>
/// <para>
/// What an unauthenticated body can cost here is bounded by its size: each form is written in one streaming pass into
/// one pooled buffer (<see cref="CanonicalJsonWriter"/>), nothing else grows with the body but a pooled stack of 8 bytes
/// per key of the objects still open, and only <see cref="CanonicalVerificationGate.Limit"/> such checks run at once in
/// the process; a check over that bound is not run and reports <see cref="WebhookVerificationResult.Throttled"/>.
/// </para>
/// </remarks>
internal static class CanonicalSignatureVerifier
{
    // Keeps every form within one array: the JavaScript form outgrows a body only through number spellings (1e20 is
    // 21 digits), at most about 4.4 times.
    private const int MaxBodyLength = 256 * 1024 * 1024;

    public static WebhookVerificationResult Verify(HmacSignatureVerifier keys, ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected, WebhookCanonicalForms forms)
    {
        if (body.Length > MaxBodyLength || expected.Length != HmacSignatureVerifier.HashSize || !Utf8.IsValid(body))
        {
            return WebhookVerificationResult.Mismatch;
        }

        if (!CanonicalVerificationGate.TryEnter())
        {
            return WebhookVerificationResult.Throttled;
        }

        var writer = new CanonicalJsonWriter(body.Length);
        try
        {
            // The JavaScript pass also refuses duplicate keys, so it runs even where only the Python form is accepted.
            if (!writer.TryWriteJavaScript(body))
            {
                return WebhookVerificationResult.Mismatch;
            }

            if ((forms & WebhookCanonicalForms.JavaScript) != 0)
            {
                var index = keys.FindMatchingKey(writer.Written, expected);
                if (index >= 0)
                {
                    // An owned copy: the pooled buffer goes back to the pool below.
                    return WebhookVerificationResult.Success(WebhookVerificationMethod.CanonicalJavaScript, index, writer.Written.ToArray());
                }
            }

            if ((forms & WebhookCanonicalForms.Python) != 0 && writer.TryWritePython(body, hashKeys: keys))
            {
                var index = writer.FindMatchingKey(keys, expected);
                if (index >= 0)
                {
                    // Verified: a form that outgrew the buffer was hashed on the way; write it whole to hand it on.
                    if (writer.HasFlushed && !writer.TryWritePython(body, hashKeys: null))
                    {
                        return WebhookVerificationResult.Mismatch;
                    }

                    return WebhookVerificationResult.Success(WebhookVerificationMethod.CanonicalPython, index, writer.Written.ToArray());
                }
            }

            return WebhookVerificationResult.Mismatch;
        }
        finally
        {
            writer.Dispose();
            CanonicalVerificationGate.Exit();
        }
    }
}
