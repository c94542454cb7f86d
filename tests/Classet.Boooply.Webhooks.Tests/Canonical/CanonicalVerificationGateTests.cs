using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Canonical;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// Only <see cref="CanonicalVerificationGate.Limit"/> canonical-JSON checks run at once in the process. A check over
/// that bound is not run and not queued: the result says so with its own status, distinct from a mismatch, because the
/// delivery was not judged. The raw-body check is never limited.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class CanonicalVerificationGateTests
{
    [Fact]
    public void Verify_AllCanonicalSlotsTaken_ReturnsThrottledUntilOneIsFree()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-evaluation.json"), CanonicalTestBodies.BoooplySecret);
        var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { CanonicalTestBodies.BoooplySecret }, AllowCanonicalJsonSignatures = true });
        var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { CanonicalTestBodies.BoooplySecret }, AllowCanonicalJsonSignatures = true });
        var strict = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { CanonicalTestBodies.BoooplySecret } });

        var taken = TakeAllSlots();
        try
        {
            taken.Should().Be(CanonicalVerificationGate.Limit);
            var throttled = boooply.Verify(signature.Pretty, signature.Hex);
            throttled.Should().Be(WebhookVerificationResult.Throttled);
            throttled.IsVerified.Should().BeFalse();
            throttled.Status.Should().Be(WebhookVerificationStatus.CanonicalVerificationThrottled);
            classet.Verify(signature.Pretty, signature.Base64Url).Status.Should().Be(WebhookVerificationStatus.CanonicalVerificationThrottled);
            boooply.Verify(CanonicalTestBodies.Segmented(signature.Pretty, 100), signature.Hex).Status.Should().Be(WebhookVerificationStatus.CanonicalVerificationThrottled);

            // Not limited: the raw body, a body that is not even UTF-8, and verifiers without the option.
            boooply.Verify(signature.Canonical, signature.Hex).Method.Should().Be(WebhookVerificationMethod.RawBody);
            boooply.Verify(new byte[] { 0xFF, 0xFE }, signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);
            strict.Verify(signature.Pretty, signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);

            CanonicalVerificationGate.Exit();
            taken--;
            boooply.Verify(signature.Pretty, signature.Hex).Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        }
        finally
        {
            for (; taken > 0; taken--)
            {
                CanonicalVerificationGate.Exit();
            }
        }

        boooply.Verify(signature.Pretty, signature.Hex).Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
    }

    [Fact]
    public async Task Verify_ManyConcurrentForgedChecks_EachEndsAsMismatchOrThrottledAndEverySlotIsGivenBack()
    {
        var body = ForgedBodies.SmallValues(64 * 1024);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_real" }, AllowCanonicalJsonSignatures = true });
        var forged = BoooplyWebhookSigner.Sign(body, "whsec_forger");
        var statuses = new System.Collections.Concurrent.ConcurrentBag<WebhookVerificationStatus>();

        await Task.WhenAll(Enumerable.Range(0, 4 * CanonicalVerificationGate.Limit).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                statuses.Add(verifier.Verify(body, forged).Status);
            }
        })));

        statuses.Should().OnlyContain(s => s == WebhookVerificationStatus.SignatureMismatch || s == WebhookVerificationStatus.CanonicalVerificationThrottled);
        TakeAllSlots().Should().Be(CanonicalVerificationGate.Limit, "every slot taken was given back");
        for (var i = 0; i < CanonicalVerificationGate.Limit; i++)
        {
            CanonicalVerificationGate.Exit();
        }
    }

    private static int TakeAllSlots()
    {
        var taken = 0;
        while (CanonicalVerificationGate.TryEnter())
        {
            taken++;
        }

        return taken;
    }
}
