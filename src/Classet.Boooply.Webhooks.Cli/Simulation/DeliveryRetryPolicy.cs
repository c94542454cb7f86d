namespace Classet.Boooply.Webhooks.Cli.Simulation;

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
        "Classet: the first attempt and 3 retries with exponential backoff; Classet does not publish the delays, so 1 s, 2 s and 4 s are assumed",
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>
    /// Boooply, the short reading of "5 attempts total; backoff: 5s → 10s → 20s → 40s → 80s": the first attempt at
    /// once and the listed delays between attempts, so the 5th attempt comes 75 s after the first (the 80 s would only
    /// precede a 6th). Boooply's page does not say which reading is right.
    /// </summary>
    public static DeliveryRetryPolicy BoooplyShort { get; } = new(
        "Boooply (short reading): 5 attempts, the first at once and then 5 s, 10 s, 20 s and 40 s apart; the last 75 s after the first",
        [TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)]);

    /// <summary>
    /// Boooply, the long reading of "5 attempts total; backoff: 5s → 10s → 20s → 40s → 80s": each listed delay comes
    /// before an attempt, the first included, so the 5th attempt comes 150 s after the first (155 s after the event).
    /// Boooply's page does not say which reading is right.
    /// </summary>
    public static DeliveryRetryPolicy BoooplyLong { get; } = new(
        "Boooply (long reading): 5 attempts, each after one of the listed waits of 5 s, 10 s, 20 s, 40 s and 80 s; the last 150 s after the first",
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)]);

    /// <summary>A single immediate attempt, no retry.</summary>
    public static DeliveryRetryPolicy None { get; } = new("a single attempt, no retry", [TimeSpan.Zero]);

    /// <summary>Gets a short description of the policy.</summary>
    public string Name { get; }

    /// <summary>Gets the wait before each attempt, in order; the count is the number of attempts.</summary>
    public IReadOnlyList<TimeSpan> Waits { get; }

    /// <summary>Gets the number of attempts, the first one included.</summary>
    public int MaxAttempts => Waits.Count;

    /// <summary>Returns the documented policy of a vendor.</summary>
    /// <param name="vendor"><see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>.</param>
    /// <param name="longBoooplyReading">For Boooply, <see cref="BoooplyLong"/> instead of <see cref="BoooplyShort"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException"><paramref name="vendor"/> is neither vendor.</exception>
    public static DeliveryRetryPolicy For(string vendor, bool longBoooplyReading = false) => vendor switch
    {
        WebhookVendorNames.Classet => Classet,
        WebhookVendorNames.Boooply => longBoooplyReading ? BoooplyLong : BoooplyShort,
        _ => throw new ArgumentException("Unknown vendor.", nameof(vendor)),
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
