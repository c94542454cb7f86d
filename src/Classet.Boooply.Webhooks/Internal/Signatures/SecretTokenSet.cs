using System.Security.Cryptography;
using System.Text;

namespace Classet.Boooply.Webhooks.Internal.Signatures;

/// <summary>
/// Compares a presented credential (an API key or bearer token) against configured ones in constant time.
/// Both sides are reduced to SHA-256 digests first, so the comparison time depends neither on where the
/// strings differ nor on their lengths.
/// </summary>
internal sealed class SecretTokenSet
{
    private const int HashSize = 32;
    private const int MaxTokenLength = 4096;

    private readonly byte[][] _digests;

    public SecretTokenSet(IEnumerable<string>? tokens, string optionName)
    {
        var digests = new List<byte[]>();
        var index = 0;
        foreach (var token in tokens ?? [])
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException($"{optionName}[{index}] is empty. An empty credential would accept forged deliveries; remove it or set a real value.", optionName);
            }

            digests.Add(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
            index++;
        }

        _digests = [.. digests];
    }

    public int Count => _digests.Length;

    /// <summary>Returns the index of the matching configured token, or -1. Allocates nothing for tokens up to 1 KB.</summary>
    public int FindMatch(ReadOnlySpan<char> candidate)
    {
        if (candidate.IsEmpty || candidate.Length > MaxTokenLength || _digests.Length == 0)
        {
            return -1;
        }

        var byteCount = Encoding.UTF8.GetByteCount(candidate);
        Span<byte> utf8 = byteCount <= 1024 ? stackalloc byte[1024] : new byte[byteCount];
        var written = Encoding.UTF8.GetBytes(candidate, utf8);
        Span<byte> digest = stackalloc byte[HashSize];
        SHA256.HashData(utf8[..written], digest);

        var match = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            // Check every entry so the time does not tell which one matched.
            if (CryptographicOperations.FixedTimeEquals(digest, _digests[i]) && match < 0)
            {
                match = i;
            }
        }

        return match;
    }
}
