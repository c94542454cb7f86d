namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>
/// Bounds how many canonical-JSON verifications run at once in the process, across every verifier and vendor. Each one
/// holds pooled buffers about the size of its body and a core's worth of CPU, so without a bound N forged requests would
/// hold N large buffers; past the bound a request is refused at once rather than queued (a queued request would hold its
/// body while it waits).
/// </summary>
internal static class CanonicalVerificationGate
{
    /// <summary>
    /// The bound: one per core, at least 4 and at most 16. The work is CPU-bound, so more than the cores only adds memory;
    /// the floor leaves room for a few real reformatted deliveries (Boooply sends four events per interview) on a small machine.
    /// </summary>
    public static readonly int Limit = Math.Clamp(Environment.ProcessorCount, 4, 16);

    private static int s_running;

    /// <summary>Takes a slot, or returns false when <see cref="Limit"/> verifications already run.</summary>
    public static bool TryEnter()
    {
        if (Interlocked.Increment(ref s_running) <= Limit)
        {
            return true;
        }

        Interlocked.Decrement(ref s_running);
        return false;
    }

    /// <summary>Gives back a slot taken by <see cref="TryEnter"/>.</summary>
    public static void Exit() => Interlocked.Decrement(ref s_running);
}
