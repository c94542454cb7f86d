using System.Buffers;
using Classet.Boooply.Webhooks.Internal.Canonical;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// Verifies Classet deliveries: the <c>x-classet-webhook-signature</c> header (base64url HMAC-SHA256 of the raw body,
/// keyed with the UTF-8 bytes of the secret) and the legacy <c>x-classet-key</c> API key.
/// </summary>
/// <remarks>
/// Thread-safe; build one per configuration and reuse it. Key bytes are prepared in the constructor; it holds no native
/// resource, so a verifier replaced on a configuration reload needs no disposing. <c>Verify</c> over a span or sequence
/// allocates nothing, whether the delivery is valid or not (a sequence is copied into a pooled buffer), and compares
/// decoded bytes in constant time.
/// </remarks>
public sealed class ClassetWebhookVerifier
{
    private readonly HmacSignatureVerifier _signatures;
    private readonly SecretTokenSet _apiKeys;

    /// <summary>Creates a verifier for the given options. The options are read once; build a new verifier when they change.</summary>
    /// <param name="options">The secrets and keys to accept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Neither a signing secret nor a legacy API key is configured, or one of them is empty or white space.
    /// The message names the option, never its value.
    /// </exception>
    public ClassetWebhookVerifier(ClassetWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signatures = new HmacSignatureVerifier(
            HmacSignatureVerifier.PrepareKeys(options.SigningSecrets, "ClassetWebhookOptions.SigningSecrets"),
            SignatureEncoding.Base64Url,
            options.AllowCanonicalJsonSignatures ? WebhookCanonicalForms.Classet : WebhookCanonicalForms.None);
        _apiKeys = new SecretTokenSet(options.LegacyApiKeys, "ClassetWebhookOptions.LegacyApiKeys");
        if (_signatures.KeyCount == 0 && _apiKeys.Count == 0)
        {
            throw new ArgumentException(
                "ClassetWebhookOptions needs at least one entry in SigningSecrets (recommended) or LegacyApiKeys.",
                nameof(options));
        }
    }

    /// <summary>Gets whether any signing secret is configured. When true, the endpoint requires a signature (see the downgrade rule).</summary>
    public bool HasSigningSecrets => _signatures.KeyCount > 0;

    /// <summary>Gets whether any legacy API key is configured.</summary>
    public bool HasLegacyApiKeys => _apiKeys.Count > 0;

    /// <summary>Verifies the signature of a body.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The <c>x-classet-webhook-signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signature) => _signatures.Verify(body, signature.AsSpan());

    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, string?)"/>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature) => _signatures.Verify(body, signature);

    /// <summary>Verifies the signature of a body held in one or more segments, as a <c>PipeReader</c> yields it.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The <c>x-classet-webhook-signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    public WebhookVerificationResult Verify(in ReadOnlySequence<byte> body, string? signature) => _signatures.Verify(body, signature.AsSpan());

    /// <inheritdoc cref="Verify(in ReadOnlySequence{byte}, string?)"/>
    public WebhookVerificationResult Verify(in ReadOnlySequence<byte> body, ReadOnlySpan<char> signature) => _signatures.Verify(body, signature);

    /// <summary>
    /// Verifies the signature of a body given as a string. It is hashed as UTF-8, encoded once into a pooled buffer; prefer
    /// the byte overloads, because a body decoded to a string and re-encoded only verifies if it was valid UTF-8.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="signature">The <c>x-classet-webhook-signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public WebhookVerificationResult Verify(string body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _signatures.Verify(body, signature.AsSpan());
    }

    /// <summary>
    /// Checks a legacy <c>x-classet-key</c> value against the configured API keys, in constant time. It does not apply
    /// the downgrade rule; the endpoint does (see <see cref="ClassetWebhookOptions.AllowApiKeyFallback"/>).
    /// </summary>
    /// <param name="apiKey">The header value, or null when absent. Surrounding white space is ignored.</param>
    /// <returns>
    /// <see cref="WebhookVerificationStatus.Verified"/> with <see cref="WebhookVerificationMethod.ApiKey"/> and the
    /// matching key's index when it matches one of <see cref="ClassetWebhookOptions.LegacyApiKeys"/>;
    /// <see cref="WebhookVerificationStatus.MissingSignature"/> when it is absent, empty or white space;
    /// <see cref="WebhookVerificationStatus.SignatureMismatch"/> otherwise. Never throws for any header value.
    /// </returns>
    public WebhookVerificationResult VerifyApiKey(string? apiKey) => VerifyApiKey(apiKey.AsSpan());

    /// <inheritdoc cref="VerifyApiKey(string?)"/>
    public WebhookVerificationResult VerifyApiKey(ReadOnlySpan<char> apiKey)
    {
        var key = apiKey.Trim();
        if (key.IsEmpty)
        {
            return WebhookVerificationResult.Missing;
        }

        var match = _apiKeys.FindMatch(key);
        return match >= 0 ? WebhookVerificationResult.Success(WebhookVerificationMethod.ApiKey, match) : WebhookVerificationResult.Mismatch;
    }
}
