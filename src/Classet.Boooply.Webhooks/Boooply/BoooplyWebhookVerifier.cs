using System.Buffers;
using Classet.Boooply.Webhooks.Internal.Canonical;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Verifies Boooply deliveries: the <c>X-Boooply-Signature</c> header (hex HMAC-SHA256 of the raw body, keyed with
/// the UTF-8 bytes of the whole secret, <c>whsec_</c> prefix included) and the <c>Authorization: Bearer</c> token.
/// </summary>
/// <remarks>
/// Thread-safe; build one per configuration and reuse it. Key bytes are prepared in the constructor; it holds no native
/// resource, so a verifier replaced on a configuration reload needs no disposing. <c>Verify</c> over a span or sequence
/// allocates nothing, whether the delivery is valid or not (a sequence is copied into a pooled buffer), and compares
/// decoded bytes in constant time.
/// </remarks>
public sealed class BoooplyWebhookVerifier
{
    private const string BearerScheme = "Bearer";

    private readonly HmacSignatureVerifier _signatures;
    private readonly SecretTokenSet _bearerTokens;

    /// <summary>Creates a verifier for the given options. The options are read once; build a new verifier when they change.</summary>
    /// <param name="options">The secrets to accept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// No signing secret is configured, or one is empty or white space. The message names the option, never its value.
    /// </exception>
    public BoooplyWebhookVerifier(BoooplyWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signatures = new HmacSignatureVerifier(
            HmacSignatureVerifier.PrepareKeys(options.SigningSecrets, "BoooplyWebhookOptions.SigningSecrets"),
            SignatureEncoding.Hex,
            options.AllowCanonicalJsonSignatures ? WebhookCanonicalForms.Boooply : WebhookCanonicalForms.None);
        if (_signatures.KeyCount == 0)
        {
            throw new ArgumentException("BoooplyWebhookOptions.SigningSecrets needs at least one secret.", nameof(options));
        }

        _bearerTokens = new SecretTokenSet(options.SigningSecrets, "BoooplyWebhookOptions.SigningSecrets");
    }

    /// <summary>Verifies the signature of a body.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The <c>X-Boooply-Signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signature) => _signatures.Verify(body, signature.AsSpan());

    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, string?)"/>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature) => _signatures.Verify(body, signature);

    /// <summary>Verifies the signature of a body held in one or more segments, as a <c>PipeReader</c> yields it.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The <c>X-Boooply-Signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    public WebhookVerificationResult Verify(in ReadOnlySequence<byte> body, string? signature) => _signatures.Verify(body, signature.AsSpan());

    /// <inheritdoc cref="Verify(in ReadOnlySequence{byte}, string?)"/>
    public WebhookVerificationResult Verify(in ReadOnlySequence<byte> body, ReadOnlySpan<char> signature) => _signatures.Verify(body, signature);

    /// <summary>
    /// Verifies the signature of a body given as a string. It is hashed as UTF-8, encoded once into a pooled buffer; prefer
    /// the byte overloads, because a body decoded to a string and re-encoded only verifies if it was valid UTF-8.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="signature">The <c>X-Boooply-Signature</c> header value, or null when absent.</param>
    /// <returns>The result; never throws for any header value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public WebhookVerificationResult Verify(string body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _signatures.Verify(body, signature.AsSpan());
    }

    /// <summary>
    /// Checks an <c>Authorization</c> header of the form <c>Bearer &lt;secret&gt;</c> against the signing secrets,
    /// with the scheme matched case-insensitively and the token compared in constant time.
    /// </summary>
    /// <param name="authorizationHeader">The whole <c>Authorization</c> header value, or null when absent.</param>
    /// <returns>
    /// <see cref="WebhookVerificationStatus.MissingSignature"/> when absent or blank,
    /// <see cref="WebhookVerificationStatus.MalformedSignature"/> when it is not a <c>Bearer</c> credential,
    /// <see cref="WebhookVerificationStatus.SignatureMismatch"/> when the token matches no secret, otherwise verified
    /// with <see cref="WebhookVerificationMethod.BearerToken"/>.
    /// </returns>
    public WebhookVerificationResult VerifyBearerToken(string? authorizationHeader) => VerifyBearerToken(authorizationHeader.AsSpan());

    /// <inheritdoc cref="VerifyBearerToken(string?)"/>
    public WebhookVerificationResult VerifyBearerToken(ReadOnlySpan<char> authorizationHeader)
    {
        var value = authorizationHeader.Trim();
        if (value.IsEmpty)
        {
            return WebhookVerificationResult.Missing;
        }

        if (value.Length <= BearerScheme.Length
            || !value[..BearerScheme.Length].Equals(BearerScheme, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(value[BearerScheme.Length]))
        {
            return WebhookVerificationResult.Malformed;
        }

        var token = value[BearerScheme.Length..].Trim();
        if (token.IsEmpty)
        {
            return WebhookVerificationResult.Malformed;
        }

        var index = _bearerTokens.FindMatch(token);
        return index >= 0
            ? WebhookVerificationResult.Success(WebhookVerificationMethod.BearerToken, index)
            : WebhookVerificationResult.Mismatch;
    }
}
