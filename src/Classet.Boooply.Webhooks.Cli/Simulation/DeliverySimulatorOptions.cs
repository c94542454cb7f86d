namespace Classet.Boooply.Webhooks.Cli.Simulation;

/// <summary>Settings of a <see cref="DeliverySimulator"/>.</summary>
public sealed class DeliverySimulatorOptions
{
    /// <summary>
    /// Gets or sets the factor applied to every wait: 1 (the default) waits as the vendor does, 0.01 turns
    /// Boooply's 80 s schedule into 0.8 s, 0 retries at once.
    /// </summary>
    public double DelayScale { get; set; } = 1.0;

    /// <summary>Gets or sets the clock used for elapsed times and, by default, for waiting. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets how to wait before an attempt. It receives the documented delay and the scaled delay to actually wait.
    /// <see langword="null"/> (the default) waits the scaled delay on <see cref="TimeProvider"/>. Tests set it to
    /// observe the schedule without sleeping.
    /// </summary>
    public Func<RetryDelay, CancellationToken, Task>? DelayAsync { get; set; }

    /// <summary>
    /// Gets or sets how long one attempt may take before it counts as failed. Default: 30 s, the time Boooply gives a
    /// receiver to answer.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets a callback told about each attempt as soon as it ends, for live progress output.</summary>
    public Action<DeliveryAttempt>? OnAttempt { get; set; }

    /// <summary>Gets or sets a callback told about each wait before it starts.</summary>
    public Action<RetryDelay>? OnRetryScheduled { get; set; }
}
