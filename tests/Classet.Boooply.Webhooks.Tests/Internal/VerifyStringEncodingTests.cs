using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// <c>Verify(string)</c> hashes the body's UTF-8 encoding in 4 KB chunks. The hash must equal the one over
/// <c>Encoding.UTF8.GetBytes</c> of the same text, wherever a multi-byte character, a surrogate pair or a lone
/// surrogate falls relative to a chunk boundary.
/// </summary>
public sealed class VerifyStringEncodingTests
{
    private const string Secret = "whsec_chunks";

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        string[] pieces = ["é", "面", "😀", "\uD83D", "\uDE00", "\uDE00\uD83D", "a"];
        foreach (var piece in pieces)
        {
            // Pad so that the piece starts a few bytes either side of the 4096-byte chunk boundary and of its multiples.
            foreach (var boundary in new[] { 4096, 8192 })
            {
                for (var shift = -4; shift <= 3; shift++)
                {
                    data.Add(piece, boundary + shift);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VerifyString_PieceNearAChunkBoundary_MatchesTheHashOfItsUtf8Bytes(string piece, int asciiPrefix)
    {
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
