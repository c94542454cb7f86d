using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// <c>Verify(string)</c> hashes the body's UTF-8 encoding, made in one pooled buffer. The hash must equal the one over
/// <c>Encoding.UTF8.GetBytes</c> of the same text, wherever a multi-byte character, a surrogate pair or a lone
/// surrogate falls (near 4 KB boundaries, where an encoder working in chunks would split it).
/// </summary>
public sealed class VerifyStringEncodingTests
{
    private const string Secret = "whsec_chunks";

    // Lone surrogates cannot be theory arguments: xUnit serializes both halves to the same ID and silently runs only one
    // of the two cases. Each piece is passed by a name instead.
    private static readonly Dictionary<string, string> Pieces = new(StringComparer.Ordinal)
    {
        ["e-acute (2 bytes)"] = "é",
        ["CJK (3 bytes)"] = "面",
        ["emoji pair (4 bytes)"] = "😀",
        ["lone high surrogate U+D83D"] = "\uD83D",
        ["lone low surrogate U+DE00"] = "\uDE00",
        ["reversed pair U+DE00 U+D83D"] = "\uDE00\uD83D",
        ["ASCII"] = "a",
    };

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Pieces.Keys)
        {
            // Pad so that the piece starts a few bytes either side of the 4096-byte chunk boundary and of its multiples.
            foreach (var boundary in new[] { 4096, 8192 })
            {
                for (var shift = -4; shift <= 3; shift++)
                {
                    data.Add(name, boundary + shift);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VerifyString_PieceNearAChunkBoundary_MatchesTheHashOfItsUtf8Bytes(string pieceName, int asciiPrefix)
    {
        var piece = Pieces[pieceName];
        var text = new string('x', asciiPrefix) + piece + "\"}" + piece;
        var bytes = Encoding.UTF8.GetBytes(text);
        var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
        var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { Secret } });

        boooply.Verify(text, BoooplyWebhookSigner.Sign(bytes, Secret)).IsVerified.Should().BeTrue();
        classet.Verify(text, ClassetWebhookSigner.Sign(bytes, Secret)).IsVerified.Should().BeTrue();
        boooply.Verify(text + " ", BoooplyWebhookSigner.Sign(bytes, Secret)).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
    }

    [Fact]
    public void VerifyString_MultiByteTextLongerThanManyChunks_MatchesTheSigner()
    {
        var text = string.Concat(Enumerable.Repeat("{\"text\":\"Zoë — café, naïve, 面接 😀\"},", 4000));
        var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "other", Secret } });

        var result = boooply.Verify(text, BoooplyWebhookSigner.Sign(text, Secret));

        result.IsVerified.Should().BeTrue();
        result.SecretIndex.Should().Be(1);
    }

    [Fact]
    public void VerifyString_EmptyBody_MatchesTheHashOfNoBytes()
    {
        var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { Secret } });

        classet.Verify(string.Empty, ClassetWebhookSigner.Sign(ReadOnlySpan<byte>.Empty, Secret)).IsVerified.Should().BeTrue();
    }
}
