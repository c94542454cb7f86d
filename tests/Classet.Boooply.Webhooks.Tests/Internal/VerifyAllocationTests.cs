using System.Buffers;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// <c>Verify</c> over spans and sequences must allocate nothing, valid or not, so a webhook flood cannot add GC pressure.
/// Measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> around a warmed-up loop.
/// </summary>
public sealed class VerifyAllocationTests
{
    private const int Iterations = 200;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(SamplePayloads.BoooplyCjkEmoji + new string(' ', 3000));

    private static long Measure(Action action)
    {
        for (var i = 0; i < 50; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public static TheoryData<string> Cases => new() { "valid", "mismatch", "malformed", "missing", "second-secret" };

    private static string SignatureFor(string @case, Func<byte[], string, string> sign, string secret) => @case switch
    {
        "valid" => sign(Body, secret),
        "mismatch" => sign(Body, "some-other-secret"),
        "malformed" => "!!not-a-signature!!",
        "missing" => string.Empty,
        _ => sign(Body, secret + "-2"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassetVerify_SpanAndSequence_AllocateNothing(string @case)
    {
        const string Secret = "classet-secret";
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { Secret, Secret + "-2" } });
        var signature = SignatureFor(@case, (b, s) => ClassetWebhookSigner.Sign(b, s), Secret);
        var sequence = Segments.Split(Body, 1024);
        var expectVerified = @case is "valid" or "second-secret";

        verifier.Verify(Body, signature).IsVerified.Should().Be(expectVerified);
        verifier.Verify(sequence, signature).IsVerified.Should().Be(expectVerified);
        Measure(() => verifier.Verify(Body, signature)).Should().Be(0);
        Measure(() => verifier.Verify(Body, signature.AsSpan())).Should().Be(0);
        Measure(() => verifier.Verify(sequence, signature)).Should().Be(0);
        Measure(() => verifier.Verify(new ReadOnlySequence<byte>(Body), signature)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BoooplyVerify_SpanAndSequence_AllocateNothing(string @case)
    {
        const string Secret = "whsec_boooply";
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret, Secret + "-2" }, AllowCanonicalJsonSignatures = false });
        var signature = SignatureFor(@case, (b, s) => BoooplyWebhookSigner.Sign(b, s), Secret);
        var sequence = Segments.Split(Body, 1000);
        var expectVerified = @case is "valid" or "second-secret";

        verifier.Verify(sequence, signature).IsVerified.Should().Be(expectVerified);
        Measure(() => verifier.Verify(Body, signature)).Should().Be(0);
        Measure(() => verifier.Verify(sequence, signature.AsSpan())).Should().Be(0);
    }

    [Fact]
    public void CredentialChecks_AllocateNothing()
    {
        var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_token" } });
        var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { LegacyApiKeys = { "api-key" } });

        Measure(() => boooply.VerifyBearerToken("Bearer whsec_token")).Should().Be(0);
        Measure(() => boooply.VerifyBearerToken("Bearer whsec_wrong")).Should().Be(0);
        Measure(() => classet.VerifyApiKey("api-key")).Should().Be(0);
        Measure(() => classet.VerifyApiKey("nope")).Should().Be(0);
    }

    [Fact]
    public void VerifyString_AllocatesNothingOnceThePoolIsWarm()
    {
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_s" } });
        var text = Encoding.UTF8.GetString(Body);
        var signature = BoooplyWebhookSigner.Sign(Body, "whsec_s");

        verifier.Verify(text, signature).IsVerified.Should().BeTrue();
        Measure(() => verifier.Verify(text, signature)).Should().Be(0);
    }
}
