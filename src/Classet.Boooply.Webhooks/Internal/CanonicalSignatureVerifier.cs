namespace Classet.Boooply.Webhooks.Internal;

/// <summary>The opt-in fallback that verifies a body's canonical JSON forms after a raw-body mismatch.</summary>
internal static class CanonicalSignatureVerifier
{
    public static WebhookVerificationResult Verify(HmacSignatureVerifier keys, ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected, WebhookCanonicalForms forms)
    {
        _ = keys;
        _ = body;
        _ = expected;
        _ = forms;
        return WebhookVerificationResult.Mismatch;
    }
}
