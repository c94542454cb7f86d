using System.Runtime.CompilerServices;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// A configuration reload replaces the verifiers. The verifiers are not <see cref="IDisposable"/>, so whatever native
/// resource one holds when it is dropped is left to the finalizer thread. They must hold none: every
/// <c>Verify</c>, on every body shape, valid or forged, leaves nothing behind that needs finalizing.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class VerifierNativeResourceTests
{
    private const int Reloads = 200;

    [Fact]
    public void Verify_VerifiersBuiltUsedAndDroppedAsOnReloads_LeaveNothingForTheFinalizer()
    {
        // Let earlier tests' garbage be finalized, so the count below is only ours.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        UseAndDropVerifiers();
        GC.Collect();
        var pending = GC.GetGCMemoryInfo(GCKind.Any).FinalizationPendingCount;

        // Pooled native HMAC contexts were about 4 finalizable handles per dropped verifier here (800 in all). The count
        // is process-wide, so it also holds whatever else the runtime queued meanwhile (20 was seen on a loaded CI
        // machine); the bound stays far below the 800 of the defect.
        pending.Should().BeLessThan(Reloads / 2, "a dropped verifier must not leave native HMAC contexts to the finalizer");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseAndDropVerifiers()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"interview.scores","data":{"meetingCode":"m-1"}}""");
        var sequence = Segments.Split(body, 7);
        var text = Encoding.UTF8.GetString(body);
        for (var i = 0; i < Reloads; i++)
        {
            var boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_old", $"whsec_new_{i}" } });
            var classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { "old", $"new_{i}" } });
            var boooplyHeader = BoooplyWebhookSigner.Sign(body, $"whsec_new_{i}");
            var classetHeader = ClassetWebhookSigner.Sign(body, "forged");
            boooply.Verify(body, boooplyHeader).IsVerified.Should().BeTrue();
            boooply.Verify(sequence, boooplyHeader).IsVerified.Should().BeTrue();
            boooply.Verify(text, boooplyHeader).IsVerified.Should().BeTrue();
            classet.Verify(body, classetHeader).IsVerified.Should().BeFalse();
            classet.Verify(sequence, classetHeader).IsVerified.Should().BeFalse();
            classet.Verify(text, classetHeader).IsVerified.Should().BeFalse();
        }
    }
}
