using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Internal;
using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// Produces the <c>x-classet-webhook-signature</c> header value exactly as Classet does:
/// <c>crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64url')</c>. Use it in tests and simulators.
/// </summary>
public static class ClassetWebhookSigner
{
    /// <summary>Signs a body.</summary>
    /// <param name="body">The body bytes to sign, exactly as they will be sent.</param>
    /// <param name="secret">The signing secret; its UTF-8 bytes are the key.</param>
    /// <returns>Base64url without padding, 43 characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        var key = HmacSignatureVerifier.PrepareKeys([secret ?? string.Empty], "secret")[0];
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, body, hash);
        Span<char> text = stackalloc char[Base64UrlEncoding.GetEncodedLength(32)];
        var written = Base64UrlEncoding.Encode(hash, text);
        return new string(text[..written]);
    }

    /// <summary>Signs a body given as text, encoded as UTF-8 (what Node's <c>update(payload, 'utf8')</c> does).</summary>
    /// <param name="body">The body text.</param>
    /// <param name="secret">The signing secret.</param>
    /// <returns>Base64url without padding, 43 characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static string Sign(string body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var utf8 = PooledUtf8.Create(body);
        return Sign(utf8.Span, secret);
    }
}
