using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Classet.Boooply.Webhooks.Internal.Canonical;

namespace Classet.Boooply.Webhooks.Internal.Signatures;

/// <summary>
/// The HMAC-SHA256 machinery both vendors share: keys prepared once, header decoding, constant-time comparison
/// on decoded bytes, and every body shape (span, sequence, string). The vendor verifiers are thin fronts over this.
/// </summary>
/// <remarks>
/// It holds no native resource: every hash is the one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>.
/// Reusing keyed <see cref="IncrementalHash"/> contexts saved the per-call key setup (about 1.5 µs, 14%, on a 3 KB body,
/// nothing measurable at 1 MB: VerifyBenchmarks.md), but the contexts lived as long as the verifier, and a verifier is
/// replaced on every configuration reload without being disposed, so each reload left them to the finalizer. Bodies in
/// several segments or given as text are first copied or encoded into one pooled buffer, which costs a copy (a few
/// percent of the hash) and allocates nothing once the pool is warm.
/// </remarks>
internal sealed class HmacSignatureVerifier
{
    public const int HashSize = 32;

    // A 32-byte digest is at most 44 characters in padded base64 and 64 in hex; anything longer is malformed
    // before we look at it, which bounds the work a hostile header can cause.
    private const int MaxSignatureLength = 128;

    private readonly byte[][] _keys;
    private readonly SignatureEncoding _encoding;
    private readonly WebhookCanonicalForms _canonicalForms;

    public HmacSignatureVerifier(IReadOnlyList<byte[]> keys, SignatureEncoding encoding, WebhookCanonicalForms canonicalForms)
    {
        _keys = [.. keys];
        _encoding = encoding;
        _canonicalForms = canonicalForms;
    }

    public int KeyCount => _keys.Length;

    public ReadOnlySpan<byte> GetKey(int index) => _keys[index];

    /// <summary>Verifies a body held in one span. Allocates nothing unless the canonical fallback verifies.</summary>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var status = DecodeSignature(signature, expected);
        return status == WebhookVerificationStatus.Verified ? VerifyDecoded(body, expected) : Failure(status);
    }

    /// <summary>Verifies a body held in one or more segments. Allocates nothing once the pool is warm, unless the canonical fallback verifies.</summary>
    public WebhookVerificationResult Verify(in ReadOnlySequence<byte> body, ReadOnlySpan<char> signature)
    {
        if (body.IsSingleSegment)
        {
            return Verify(body.FirstSpan, signature);
        }

        Span<byte> expected = stackalloc byte[HashSize];
        var status = DecodeSignature(signature, expected);
        if (status != WebhookVerificationStatus.Verified)
        {
            return Failure(status);
        }

        if (body.Length > Array.MaxLength)
        {
            // No array holds it, so no body this size can verify through the one-shot; hash it in pieces instead.
            return VerifyIncrementally(body, expected);
        }

        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return VerifyDecoded(rented.AsSpan(0, length), expected);
        }
        finally
        {
            // Bodies carry candidate data; do not leave it in a shared pool.
            rented.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Verifies a body given as text, hashing its UTF-8 encoding (invalid UTF-16 becomes U+FFFD, exactly as
    /// <c>Encoding.UTF8.GetBytes</c>, and so the signer, encodes it). Allocates nothing once the pool is warm, unless the
    /// canonical fallback verifies.
    /// </summary>
    public WebhookVerificationResult Verify(string body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var status = DecodeSignature(signature, expected);
        if (status != WebhookVerificationStatus.Verified)
        {
            return Failure(status);
        }

        using var utf8 = PooledUtf8.Create(body);
        return VerifyDecoded(utf8.Span, expected);
    }

    /// <summary>Decodes the header into <paramref name="expected"/> or says why it cannot.</summary>
    public WebhookVerificationStatus DecodeSignature(ReadOnlySpan<char> signature, Span<byte> expected)
    {
        signature = signature.Trim();
        if (signature.IsEmpty)
        {
            return WebhookVerificationStatus.MissingSignature;
        }

        if (signature.Length > MaxSignatureLength)
        {
            return WebhookVerificationStatus.MalformedSignature;
        }

        var ok = _encoding == SignatureEncoding.Hex
            ? HexEncoding.TryDecode(signature, expected)
            : Base64UrlEncoding.TryDecode(signature, expected);
        return ok ? WebhookVerificationStatus.Verified : WebhookVerificationStatus.MalformedSignature;
    }

    /// <summary>Returns the index of the first key whose HMAC over <paramref name="body"/> equals <paramref name="expected"/>, or -1.</summary>
    public int FindMatchingKey(ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected)
    {
        Span<byte> actual = stackalloc byte[HashSize];
        for (var i = 0; i < _keys.Length; i++)
        {
            ComputeHash(i, body, actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Computes the HMAC of <paramref name="body"/> with the key at <paramref name="keyIndex"/>.</summary>
    public void ComputeHash(int keyIndex, ReadOnlySpan<byte> body, Span<byte> destination) =>
        HMACSHA256.HashData(_keys[keyIndex], body, destination);

    private static WebhookVerificationResult Failure(WebhookVerificationStatus status) =>
        status == WebhookVerificationStatus.MissingSignature ? WebhookVerificationResult.Missing : WebhookVerificationResult.Malformed;

    private WebhookVerificationResult VerifyDecoded(ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected)
    {
        var index = FindMatchingKey(body, expected);
        if (index >= 0)
        {
            return WebhookVerificationResult.Success(WebhookVerificationMethod.RawBody, index);
        }

        return _canonicalForms == WebhookCanonicalForms.None
            ? WebhookVerificationResult.Mismatch
            : CanonicalSignatureVerifier.Verify(this, body, expected, _canonicalForms);
    }

    private WebhookVerificationResult VerifyIncrementally(in ReadOnlySequence<byte> body, ReadOnlySpan<byte> expected)
    {
        Span<byte> actual = stackalloc byte[HashSize];
        for (var i = 0; i < _keys.Length; i++)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[i]);
            foreach (var segment in body)
            {
                hmac.AppendData(segment.Span);
            }

            hmac.GetHashAndReset(actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return WebhookVerificationResult.Success(WebhookVerificationMethod.RawBody, i);
            }
        }

        // The canonical forms are not tried for a body this large (CanonicalSignatureVerifier refuses it anyway).
        return WebhookVerificationResult.Mismatch;
    }

    /// <summary>Prepares the key bytes for a list of secrets: the UTF-8 bytes of each whole string, nothing stripped.</summary>
    public static byte[][] PrepareKeys(IEnumerable<string>? secrets, string optionName)
    {
        var keys = new List<byte[]>();
        var index = 0;
        foreach (var secret in secrets ?? [])
        {
            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new ArgumentException($"{optionName}[{index}] is empty. An empty secret would accept forged deliveries; remove it or set a real secret.", optionName);
            }

            keys.Add(Encoding.UTF8.GetBytes(secret));
            index++;
        }

        return [.. keys];
    }
}
