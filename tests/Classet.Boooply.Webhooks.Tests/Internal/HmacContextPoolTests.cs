using System.Security.Cryptography;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// The verifiers reuse a few HMAC contexts per key across threads. Far more threads than contexts, mixing valid and
/// forged bodies of different lengths, body shapes and both secrets, must give every call exactly its own answer:
/// a context shared by mistake, or returned half-used, would leak one delivery's hash into another's.
/// </summary>
public sealed class HmacContextPoolTests
{
    private const string Secret = "pool-secret";
    private const string RotatedSecret = "pool-secret-rotated";

    private sealed record Delivery(byte[] Body, string BoooplyHeader, string ClassetHeader, bool Valid, int KeyIndex);

    private static List<Delivery> BuildDeliveries()
    {
        var deliveries = new List<Delivery>();
        for (var i = 0; i < 48; i++)
        {
            var body = Encoding.UTF8.GetBytes($"{{\"event\":\"interview.scores\",\"n\":{i},\"pad\":\"{new string('x', i * 97)}\"}}");
            var signingSecret = (i % 3) switch { 0 => Secret, 1 => RotatedSecret, _ => "forger" };
            deliveries.Add(new Delivery(
                body,
                BoooplyWebhookSigner.Sign(body, signingSecret),
                ClassetWebhookSigner.Sign(body, signingSecret),
                Valid: i % 3 != 2,
                KeyIndex: i % 3 == 1 ? 1 : 0));
        }

        return deliveries;
    }

    [Fact]
    public async Task Verify_ManyThreadsSharingOneVerifier_EachCallGetsItsOwnAnswer()
    {
        var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = [Secret, RotatedSecret] });
        var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = [Secret, RotatedSecret] });
        var deliveries = BuildDeliveries();
        var wrong = 0;
        var checkedCount = 0;

        var workers = Enumerable.Range(0, Environment.ProcessorCount * 8).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 60; round++)
            {
                var delivery = deliveries[(worker * 7 + round) % deliveries.Count];
                var sequence = Segments.Split(delivery.Body, 1 + (round % 5) * 17);
                var text = Encoding.UTF8.GetString(delivery.Body);
                var results = new[]
                {
                    boooply.Verify(delivery.Body, delivery.BoooplyHeader),
                    boooply.Verify(sequence, delivery.BoooplyHeader),
                    boooply.Verify(text, delivery.BoooplyHeader),
                    classet.Verify(delivery.Body, delivery.ClassetHeader),
                    classet.Verify(sequence, delivery.ClassetHeader),
                    classet.Verify(text, delivery.ClassetHeader),
                };

                foreach (var result in results)
                {
                    Interlocked.Increment(ref checkedCount);
                    var expected = delivery.Valid
                        ? result.IsVerified && result.SecretIndex == delivery.KeyIndex
                        : result.Status == WebhookVerificationStatus.SignatureMismatch;
                    if (!expected)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        }));

        await Task.WhenAll(workers);

        checkedCount.Should().Be(Environment.ProcessorCount * 8 * 60 * 6);
        wrong.Should().Be(0);
    }

    [Fact]
    public void Verify_AfterManyCalls_StillMatchesTheOneShotHmac()
    {
        // A reset context must hash exactly like a fresh one, call after call, whatever the previous body was.
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = [Secret] });
        var key = Encoding.UTF8.GetBytes(Secret);
        for (var length = 0; length < 700; length += 7)
        {
            var body = RandomNumberGenerator.GetBytes(length);
            var header = Convert.ToHexString(HMACSHA256.HashData(key, body)).ToLowerInvariant();
            verifier.Verify(body, header).IsVerified.Should().BeTrue($"a {length}-byte body was signed with the key");
            verifier.Verify(body, Convert.ToHexString(HMACSHA256.HashData(key, body.Append((byte)0).ToArray())).ToLowerInvariant()).IsVerified.Should().BeFalse();
        }
    }
}
