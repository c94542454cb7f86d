namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>
/// How a vendor retries a delivery that was not acknowledged with a 2xx: the wait before each retry. The first attempt
/// is immediate, so <see cref="MaxAttempts"/> is one more than the number of delays.
/// </summary>
public sealed class DeliveryRetryPolicy
{
    /// <summary>Initializes a new policy.</summary>
    /// <param name="name">A short description, shown in reports.</param>
    /// <param name="delays">The wait before each retry, in order; empty for a single attempt.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative.</exception>
    public DeliveryRetryPolicy(string name, IReadOnlyList<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(delays);
        foreach (var delay in delays)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(delays));
        }

        Name = name;
        Delays = [.. delays];
    }

    /// <summary>
    /// Classet: "We retry up to 3 times after the initial attempt", with exponential backoff. Classet does not publish
    /// the delays; the simulator uses 1 s, 2 s and 4 s, so 4 attempts in all.
    /// </summary>
    public static DeliveryRetryPolicy Classet { get; } = new(
        "Classet: 1 attempt + 3 retries, exponential backoff (1 s, 2 s, 4 s; Classet does not publish the exact delays)",
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>
    /// Boooply: "5 attempts total; backoff: 5s → 10s → 20s → 40s → 80s". Five attempts leave room for four waits, so
    /// the simulator waits 5 s, 10 s, 20 s and 40 s (about 75 s from the first attempt to the last). That is what an
    /// exponential job queue configured with 5 attempts and a 5 s base does; the documented 80 s would be the wait
    /// before a sixth attempt, which never comes because the delivery is marked failed after the fifth.
    /// </summary>
    public static DeliveryRetryPolicy Boooply { get; } = new(
        "Boooply: 5 attempts in total, waits of 5 s, 10 s, 20 s, 40 s",
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)]);

    /// <summary>A single attempt, no retry (for forged or deliberately broken deliveries).</summary>
    public static DeliveryRetryPolicy None { get; } = new("single attempt, no retry", []);

    /// <summary>Gets a short description of the policy.</summary>
    public string Name { get; }

    /// <summary>Gets the wait before each retry, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Gets the number of attempts, the first one included.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>Returns the documented policy of a vendor.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns><see cref="Classet"/> or <see cref="Boooply"/>.</returns>
    public static DeliveryRetryPolicy For(WebhookVendor vendor) => vendor == WebhookVendor.Boooply ? Boooply : Classet;

    /// <inheritdoc />
    public override string ToString() => Name;
}
