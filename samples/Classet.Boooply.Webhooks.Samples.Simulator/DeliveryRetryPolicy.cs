namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>
/// How a vendor schedules the attempts of one delivery: the wait before each attempt, the first one included. Only a
/// 2xx response ends the schedule early; after the last attempt fails the vendor marks the delivery as failed.
/// </summary>
public sealed class DeliveryRetryPolicy
{
    /// <summary>Initializes a new policy.</summary>
    /// <param name="name">A short description, shown in reports.</param>
    /// <param name="waits">The wait before each attempt, in order (zero for an immediate attempt); one entry per attempt.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waits"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative.</exception>
    public DeliveryRetryPolicy(string name, IReadOnlyList<TimeSpan> waits)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(waits);
        if (waits.Count == 0)
        {
            throw new ArgumentException("A policy makes at least one attempt.", nameof(waits));
        }

        foreach (var wait in waits)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(waits));
        }

        Name = name;
        Waits = [.. waits];
    }

    /// <summary>
    /// Classet: "We retry up to 3 times after the initial attempt", with exponential backoff, so 4 attempts in all.
    /// Classet does not publish the delays; the simulator sends the first attempt at once, then waits 1 s, 2 s and 4 s.
    /// </summary>
    public static DeliveryRetryPolicy Classet { get; } = new(
        "Classet: first attempt + 3 retries, exponential backoff (waits of 1 s, 2 s, 4 s; Classet does not publish the exact delays)",
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>
    /// Boooply: "5 attempts total; backoff: 5s → 10s → 20s → 40s → 80s", which the SDK's design reads as five attempts
    /// at 5, 10, 20, 40 and 80 s after the event: waits of 5, 5, 10, 20 and 40 s, themselves doubling. The SDK's own
    /// guidance follows from it (a replay window or a deduplication retention must cover at least 80 s; 5 minutes
    /// leaves room for clock skew and slow handlers).
    /// </summary>
    public static DeliveryRetryPolicy Boooply { get; } = new(
        "Boooply: 5 attempts in total, at 5 s, 10 s, 20 s, 40 s and 80 s after the event",
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)]);

    /// <summary>A single immediate attempt, no retry (for forged or deliberately broken deliveries).</summary>
    public static DeliveryRetryPolicy None { get; } = new("single attempt, no retry", [TimeSpan.Zero]);

    /// <summary>Gets a short description of the policy.</summary>
    public string Name { get; }

    /// <summary>Gets the wait before each attempt, in order; the count is the number of attempts.</summary>
    public IReadOnlyList<TimeSpan> Waits { get; }

    /// <summary>Gets the number of attempts, the first one included.</summary>
    public int MaxAttempts => Waits.Count;

    /// <summary>Returns the documented policy of a vendor.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <returns><see cref="Classet"/> or <see cref="Boooply"/>.</returns>
    public static DeliveryRetryPolicy For(WebhookVendor vendor) => vendor == WebhookVendor.Boooply ? Boooply : Classet;

    /// <inheritdoc />
    public override string ToString() => Name;
}
