using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// The HMAC-SHA256 machinery both vendors share: keys prepared once, header decoding, constant-time comparison
/// on decoded bytes, and every body shape (span, sequence, string). The vendor verifiers are thin fronts over this.
/// </summary>
internal sealed class HmacSignatureVerifier
{
    private const int HashSize = 32;

    // A 32-byte digest is at most 44 characters in padded base64 and 64 in hex; anything longer is malformed
    // before we look at it, which bounds the work a hostile header can cause.
    private const int MaxSignatureLength = 128;

    // Each key gets a few reusable HMAC contexts. A reset context keeps the key's inner and outer pad states, so
    // reusing one skips the per-call key setup (two compressions plus creating a native context) that the one-shot
    // HMACSHA256.HashData pays every time; that saving is what pays for the string path's UTF-8 encoding.
    private const int MaxContextsPerKey = 16;

    private const int Utf8ChunkSize = 4096;

    private readonly byte[][] _keys;
    private readonly IncrementalHash?[] _contexts;
    private readonly bool[] _contextCreated;
    private readonly int _contextsPerKey;
    private readonly SignatureEncoding _encoding;
    private readonly WebhookCanonicalForms _canonicalForms;

    public HmacSignatureVerifier(IReadOnlyList<byte[]> keys, SignatureEncoding encoding, WebhookCanonicalForms canonicalForms)
    {
        _keys = [.. keys];
        _contextsPerKey = Math.Clamp(Environment.ProcessorCount, 1, MaxContextsPerKey);
        _contexts = new IncrementalHash?[_keys.Length * _contextsPerKey];
        _contextCreated = new bool[_contexts.Length];
        _encoding = encoding;
        _canonicalForms = canonicalForms;
    }

    public int KeyCount => _keys.Length;

    public ReadOnlySpan<byte> GetKey(int index) => _keys[index];

    /// <summary>Verifies a body held in one span. Allocates nothing unless the canonical fallback runs.</summary>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var status = DecodeSignature(signature, expected);
        if (status != WebhookVerificationStatus.Verified)
        {
            return status == WebhookVerificationStatus.MissingSignature ? WebhookVerificationResult.Missing : WebhookVerificationResult.Malformed;
        }

        var index = FindMatchingKey(body, expected);
        if (index >= 0)
        {
            return WebhookVerificationResult.Success(WebhookVerificationMethod.RawBody, index);
        }

        return _canonicalForms == WebhookCanonicalForms.None
            ? WebhookVerificationResult.Mismatch
            : CanonicalSignatureVerifier.Verify(this, body, expected, _canonicalForms);
    }

    /// <summary>Verifies a body held in one or more segments. Allocates nothing unless the canonical fallback runs.</summary>
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
            return status == WebhookVerificationStatus.MissingSignature ? WebhookVerificationResult.Missing : WebhookVerificationResult.Malformed;
        }

        var index = FindMatchingKey(body, expected);
        if (index >= 0)
        {
            return WebhookVerificationResult.Success(WebhookVerificationMethod.RawBody, index);
        }

        // The canonical path parses the body anyway, so one contiguous copy costs nothing extra there.
        return _canonicalForms == WebhookCanonicalForms.None
            ? WebhookVerificationResult.Mismatch
            : CanonicalSignatureVerifier.Verify(this, body.ToArray(), expected, _canonicalForms);
    }

    /// <summary>
    /// Verifies a body given as text, hashing its UTF-8 encoding chunk by chunk so the encoded body is never held whole.
    /// Allocates nothing once warm, unless the canonical fallback runs.
    /// </summary>
    public WebhookVerificationResult Verify(string body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var status = DecodeSignature(signature, expected);
        if (status != WebhookVerificationStatus.Verified)
        {
            return status == WebhookVerificationStatus.MissingSignature ? WebhookVerificationResult.Missing : WebhookVerificationResult.Malformed;
        }

        Span<byte> actual = stackalloc byte[HashSize];
        for (var i = 0; i < _keys.Length; i++)
        {
            ComputeHash(i, body, actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return WebhookVerificationResult.Success(WebhookVerificationMethod.RawBody, i);
            }
        }

        if (_canonicalForms == WebhookCanonicalForms.None)
        {
            return WebhookVerificationResult.Mismatch;
        }

        using var utf8 = PooledUtf8.Create(body);
        return CanonicalSignatureVerifier.Verify(this, utf8.Span, expected, _canonicalForms);
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

    /// <summary>The same as the span overload, for a body in several segments (what a <c>PipeReader</c> yields).</summary>
    public int FindMatchingKey(in ReadOnlySequence<byte> body, ReadOnlySpan<byte> expected)
    {
        if (body.IsSingleSegment)
        {
            return FindMatchingKey(body.FirstSpan, expected);
        }

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
    public void ComputeHash(int keyIndex, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var slot = RentContext(keyIndex, out var context);
        if (context is null)
        {
            // Every context this thread may use is busy: the one-shot is a little slower and allocates nothing.
            HMACSHA256.HashData(_keys[keyIndex], body, destination);
            return;
        }

        try
        {
            context.AppendData(body);
            context.GetHashAndReset(destination);
        }
        finally
        {
            ReturnContext(slot, context);
        }
    }

    /// <summary>Computes the HMAC of a body in several segments with the key at <paramref name="keyIndex"/>.</summary>
    public void ComputeHash(int keyIndex, in ReadOnlySequence<byte> body, Span<byte> destination)
    {
        var slot = RentContext(keyIndex, out var context);

        // Segments need an incremental context; when the pool is busy a private one is the only correct choice.
        // It allocates, but only when more threads hash with one key at once than there are contexts for it.
        var owned = context is null;
        context ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[keyIndex]);
        try
        {
            foreach (var segment in body)
            {
                context.AppendData(segment.Span);
            }

            context.GetHashAndReset(destination);
        }
        finally
        {
            if (owned)
            {
                context.Dispose();
            }
            else
            {
                ReturnContext(slot, context);
            }
        }
    }

    /// <summary>Computes the HMAC of the UTF-8 encoding of <paramref name="text"/> with the key at <paramref name="keyIndex"/>.</summary>
    public void ComputeHash(int keyIndex, string text, Span<byte> destination)
    {
        var slot = RentContext(keyIndex, out var context);
        if (context is null)
        {
            using var utf8 = PooledUtf8.Create(text);
            HMACSHA256.HashData(_keys[keyIndex], utf8.Span, destination);
            return;
        }

        try
        {
            // Encoding into a small stack chunk and hashing it while it is still in L1 is cheaper than encoding the
            // whole body into a buffer and reading it back, and it needs no buffer the size of the body. Invalid
            // UTF-16 becomes U+FFFD, exactly as Encoding.UTF8.GetBytes (and so the signer) encodes it.
            Span<byte> chunk = stackalloc byte[Utf8ChunkSize];
            ReadOnlySpan<char> remaining = text;
            while (!remaining.IsEmpty)
            {
                Utf8.FromUtf16(remaining, chunk, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                context.AppendData(chunk[..written]);
                remaining = remaining[read..];
            }

            context.GetHashAndReset(destination);
        }
        finally
        {
            ReturnContext(slot, context);
        }
    }

    private int RentContext(int keyIndex, out IncrementalHash? context)
    {
        // Threads start at different slots, so concurrent deliveries rarely meet; a thread that finds its slot busy
        // tries the next one before giving up.
        var first = keyIndex * _contextsPerKey;
        var offset = (int)((uint)Environment.CurrentManagedThreadId % (uint)_contextsPerKey);
        for (var probe = 0; probe < 2; probe++)
        {
            var slot = first + ((offset + probe) % _contextsPerKey);
            context = Interlocked.Exchange(ref _contexts[slot], null);
            if (context is not null)
            {
                return slot;
            }

            if (!Volatile.Read(ref _contextCreated[slot]))
            {
                // First use of this slot. Two threads racing here both create a context, and the one returned
                // second is disposed, so a slot never holds more than one.
                Volatile.Write(ref _contextCreated[slot], true);
                context = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[keyIndex]);
                return slot;
            }
        }

        context = null;
        return -1;
    }

    private void ReturnContext(int slot, IncrementalHash context)
    {
        if (Interlocked.CompareExchange(ref _contexts[slot], context, null) is not null)
        {
            context.Dispose();
        }
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
