namespace Classet.Boooply.Webhooks.Cli.Simulation;

/// <summary>A wait before an attempt (Boooply waits before its first attempt too).</summary>
/// <param name="NextAttempt">The number of the attempt that follows the wait, starting at 1.</param>
/// <param name="Documented">The delay the vendor's policy prescribes.</param>
/// <param name="Scaled">The delay actually waited, after <see cref="DeliverySimulatorOptions.DelayScale"/>.</param>
public readonly record struct RetryDelay(int NextAttempt, TimeSpan Documented, TimeSpan Scaled)
{
    /// <inheritdoc />
    public override string ToString() => Documented == Scaled
        ? $"waiting {Documented.TotalSeconds:0.###} s before attempt {NextAttempt}"
        : $"waiting {Documented.TotalSeconds:0.###} s (scaled to {Scaled.TotalMilliseconds:0} ms) before attempt {NextAttempt}";
}
