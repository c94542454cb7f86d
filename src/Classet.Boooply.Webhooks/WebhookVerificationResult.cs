namespace Classet.Boooply.Webhooks;

/// <summary>
/// The result of verifying a webhook delivery. A small value type: producing one never allocates.
/// </summary>
/// <remarks>
/// When <see cref="Method"/> is <see cref="WebhookVerificationMethod.CanonicalJavaScript"/> or
/// <see cref="WebhookVerificationMethod.CanonicalPython"/>, the bytes that were actually signed are in
/// <see cref="CanonicalBody"/>. Parse <em>those</em>, not the raw body, so that what reaches your code is exactly
/// what the vendor signed. <see cref="GetSignedBody"/> does that choice for you.
/// </remarks>
public readonly struct WebhookVerificationResult : IEquatable<WebhookVerificationResult>
{
    private WebhookVerificationResult(WebhookVerificationStatus status, WebhookVerificationMethod method, int secretIndex, ReadOnlyMemory<byte> canonicalBody)
    {
        Status = status;
        Method = method;
        SecretIndex = secretIndex;
        CanonicalBody = canonicalBody;
    }

    /// <summary>Gets whether the delivery is authentic.</summary>
    public bool IsVerified => Status == WebhookVerificationStatus.Verified;

    /// <summary>Gets the detailed outcome.</summary>
    public WebhookVerificationStatus Status { get; }

    /// <summary>Gets how the delivery was verified, or <see cref="WebhookVerificationMethod.None"/> when it was not.</summary>
    public WebhookVerificationMethod Method { get; }

    /// <summary>
    /// Gets the zero-based position, in the configured list, of the secret that verified the delivery, or -1.
    /// It tells which secret is still in use during a rotation; it never reveals the secret itself.
    /// </summary>
    public int SecretIndex { get; }

    /// <summary>
    /// Gets the canonical JSON bytes that were signed, when a canonical method verified the delivery; otherwise empty.
    /// </summary>
    public ReadOnlyMemory<byte> CanonicalBody { get; }

    /// <summary>A result for a delivery with no signature header.</summary>
    public static WebhookVerificationResult Missing => new(WebhookVerificationStatus.MissingSignature, WebhookVerificationMethod.None, -1, default);

    /// <summary>A result for a delivery whose signature header cannot be decoded.</summary>
    public static WebhookVerificationResult Malformed => new(WebhookVerificationStatus.MalformedSignature, WebhookVerificationMethod.None, -1, default);

    /// <summary>A result for a delivery whose signature does not match.</summary>
    public static WebhookVerificationResult Mismatch => new(WebhookVerificationStatus.SignatureMismatch, WebhookVerificationMethod.None, -1, default);

    /// <summary>
    /// A result for a delivery whose raw body did not match and whose canonical-JSON check was not run because too many
    /// ran at once (<see cref="WebhookVerificationStatus.CanonicalVerificationThrottled"/>): not verified, not found forged.
    /// </summary>
    public static WebhookVerificationResult Throttled => new(WebhookVerificationStatus.CanonicalVerificationThrottled, WebhookVerificationMethod.None, -1, default);

    /// <summary>Creates a successful result.</summary>
    /// <param name="method">How the delivery was verified; must not be <see cref="WebhookVerificationMethod.None"/>.</param>
    /// <param name="secretIndex">The index of the secret that matched.</param>
    /// <param name="canonicalBody">For canonical methods, the bytes that were signed.</param>
    /// <returns>A verified result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is <see cref="WebhookVerificationMethod.None"/>.</exception>
    public static WebhookVerificationResult Success(WebhookVerificationMethod method, int secretIndex, ReadOnlyMemory<byte> canonicalBody = default)
    {
        if (method == WebhookVerificationMethod.None)
        {
            throw new ArgumentOutOfRangeException(nameof(method), "A verified result needs a verification method.");
        }

        return new(WebhookVerificationStatus.Verified, method, secretIndex, canonicalBody);
    }

    /// <summary>
    /// Returns the bytes to parse: <see cref="CanonicalBody"/> when a canonical form verified the delivery,
    /// otherwise <paramref name="rawBody"/>.
    /// </summary>
    /// <param name="rawBody">The raw body that was verified.</param>
    /// <returns>The bytes that were signed.</returns>
    public ReadOnlyMemory<byte> GetSignedBody(ReadOnlyMemory<byte> rawBody) =>
        Method is WebhookVerificationMethod.CanonicalJavaScript or WebhookVerificationMethod.CanonicalPython ? CanonicalBody : rawBody;

    /// <inheritdoc />
    public bool Equals(WebhookVerificationResult other) =>
        Status == other.Status && Method == other.Method && SecretIndex == other.SecretIndex && CanonicalBody.Span.SequenceEqual(other.CanonicalBody.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookVerificationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, Method, SecretIndex);

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(WebhookVerificationResult left, WebhookVerificationResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(WebhookVerificationResult left, WebhookVerificationResult right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsVerified ? $"Verified ({Method}, secret #{SecretIndex})" : Status.ToString();
}
