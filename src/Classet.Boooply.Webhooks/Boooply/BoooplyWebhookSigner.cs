using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Internal;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Produces the <c>X-Boooply-Signature</c> header value exactly as Boooply does:
/// <c>crypto.createHmac('sha256', secret).update(body).digest('hex')</c>, with the whole secret (including
/// <c>whsec_</c>) as the key. Use it in tests and simulators.
/// </summary>
public static class BoooplyWebhookSigner
{
    /// <summary>Signs a body.</summary>
    /// <param name="body">The body bytes to sign, exactly as they will be sent.</param>
    /// <param name="secret">The signing secret; the UTF-8 bytes of the whole string are the key.</param>
    /// <returns>Lowercase hex, 64 characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        var key = HmacSignatureVerifier.PrepareKeys([secret ?? string.Empty], "secret")[0];
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, body, hash);
        Span<char> text = stackalloc char[64];
        HexEncoding.EncodeLower(hash, text);
        return new string(text);
    }

    /// <summary>Signs a body given as text, encoded as UTF-8 (what Node's <c>update(string)</c> does).</summary>
    /// <param name="body">The body text.</param>
    /// <param name="secret">The signing secret.</param>
    /// <returns>Lowercase hex, 64 characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static string Sign(string body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var utf8 = PooledUtf8.Create(body);
        return Sign(utf8.Span, secret);
    }
}
