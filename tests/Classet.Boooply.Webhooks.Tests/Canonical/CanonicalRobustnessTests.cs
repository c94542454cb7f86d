using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// Deterministic mutation fuzzing of signed bodies: the canonical path must never throw, and whatever it verifies must
/// mean exactly what was signed.
/// </summary>
public sealed class CanonicalRobustnessTests
{
    private const int Iterations = 4_000;

    // Bytes that move a JSON body between meanings: structure, whitespace, number parts, escapes, UTF-8 lead bytes.
    private static readonly byte[] InterestingBytes =
        "{}[]:,\" \t\r\n\\/0123456789.eE+-ntfu"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF }).ToArray();

    [Theory]
    [InlineData("Boooply/interview-evaluation.json", 20260321)]
    [InlineData("Boooply/interview-transcript.json", 42)]
    [InlineData("Canonical/boooply-scores-non-ascii.json", 7)]
    public void Verify_MutatedSignedBody_NeverThrowsAndOnlyVerifiesTheSignedValue(string file, int seed)
    {
        var text = CanonicalTestBodies.ReadText(file);
        var node = ReferenceRuntimes.SignWithNode(text, CanonicalTestBodies.BoooplySecret);
        var python = ReferenceRuntimes.SignWithPython(text, CanonicalTestBodies.BoooplySecret);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions
        {
            SigningSecrets = { CanonicalTestBodies.BoooplySecret },
            AllowCanonicalJsonSignatures = true,
        });
        using var signedDocument = JsonDocument.Parse(node.Canonical);
        var random = new Random(seed);
        var verified = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var body = Mutate(node.Pretty, random);
            var header = random.Next(2) == 0 ? node.Hex : python.Hex;

            var result = verifier.Verify(body, header);
            _ = WebhookJsonDiagnostics.IsCompactCanonicalJson(body);

            if (!result.IsVerified)
            {
                continue;
            }

            verified++;
            result.CanonicalBody.ToArray().Should().Equal(header == node.Hex ? node.Canonical : python.Canonical);
            using var mutatedDocument = JsonDocument.Parse(body);
            JsonElement.DeepEquals(mutatedDocument.RootElement, signedDocument.RootElement)
                .Should().BeTrue($"iteration {i} verified a body that reads differently: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        // Whitespace-only mutations must still verify, or this test proves nothing about the accepting side.
        verified.Should().BeGreaterThan(Iterations / 50);
    }

    [Fact]
    public void IsCompactCanonicalJson_RandomBytes_NeverThrows()
    {
        var random = new Random(1234);
        for (var i = 0; i < Iterations; i++)
        {
            var body = new byte[random.Next(0, 64)];
            for (var j = 0; j < body.Length; j++)
            {
                body[j] = InterestingBytes[random.Next(InterestingBytes.Length)];
            }

            var act = () => WebhookJsonDiagnostics.IsCompactCanonicalJson(body);
            act.Should().NotThrow();
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var position = random.Next(bytes.Count);
            var value = random.Next(4) == 0 ? (byte)random.Next(256) : InterestingBytes[random.Next(InterestingBytes.Length)];
            switch (random.Next(3))
            {
                case 0:
                    bytes[position] = value;
                    break;
                case 1:
                    bytes.Insert(position, value);
                    break;
                default:
                    bytes.RemoveAt(position);
                    break;
            }
        }

        return [.. bytes];
    }
}
