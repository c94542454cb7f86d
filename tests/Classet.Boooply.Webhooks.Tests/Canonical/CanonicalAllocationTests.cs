using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>Turning the canonical fallback on must not cost the normal raw-body path a single byte.</summary>
public sealed class CanonicalAllocationTests
{
    private const int Iterations = 1_000;

    [Fact]
    public void BoooplyVerify_ValidRawBodyWithCanonicalAllowed_AllocatesNothing()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-evaluation.json"), CanonicalTestBodies.BoooplySecret);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions
        {
            SigningSecrets = { "whsec_retired_secret", CanonicalTestBodies.BoooplySecret },
            AllowCanonicalJsonSignatures = true,
        });
        var body = signature.Canonical;
        var header = signature.Hex;

        var allocated = MeasureAllocations(() => verifier.Verify(body.AsSpan(), header.AsSpan()));

        verifier.Verify(body, header).Method.Should().Be(WebhookVerificationMethod.RawBody);
        allocated.Should().Be(0);
    }

    [Fact]
    public void ClassetVerify_ValidRawBodyWithCanonicalAllowed_AllocatesNothing()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Classet/call-completed.json"), CanonicalTestBodies.ClassetSecret);
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions
        {
            SigningSecrets = { CanonicalTestBodies.ClassetSecret },
            AllowCanonicalJsonSignatures = true,
        });
        var body = signature.Canonical;
        var header = signature.Base64Url;

        var allocated = MeasureAllocations(() => verifier.Verify(body.AsSpan(), header.AsSpan()));

        verifier.Verify(body, header).Method.Should().Be(WebhookVerificationMethod.RawBody);
        allocated.Should().Be(0);
    }

    [Fact]
    public void BoooplyVerify_TamperedBodyWithCanonicalOff_AllocatesNothing()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-scores.json"), CanonicalTestBodies.BoooplySecret);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { CanonicalTestBodies.BoooplySecret } });
        var body = signature.Pretty;
        var header = signature.Hex;

        var allocated = MeasureAllocations(() => verifier.Verify(body.AsSpan(), header.AsSpan()));

        verifier.Verify(body, header).Should().Be(WebhookVerificationResult.Mismatch);
        allocated.Should().Be(0);
    }

    private static long MeasureAllocations(Func<WebhookVerificationResult> verify)
    {
        for (var i = 0; i < 100; i++)
        {
            verify();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            verify();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
