namespace Classet.Boooply.Webhooks.Cli.Simulation;

/// <summary>The outcome of a simulated delivery, with every attempt made.</summary>
/// <param name="Attempts">The attempts, in order; never empty.</param>
public sealed record DeliveryResult(IReadOnlyList<DeliveryAttempt> Attempts)
{
    /// <summary>Gets whether some attempt got a 2xx response.</summary>
    public bool Delivered => Attempts.Count > 0 && Attempts[^1].Succeeded;

    /// <summary>Gets the last attempt.</summary>
    public DeliveryAttempt LastAttempt => Attempts[^1];

    /// <summary>Gets the status code of the last attempt, or <see langword="null"/> when it got no response.</summary>
    public int? LastStatusCode => Attempts.Count == 0 ? null : Attempts[^1].StatusCode;
}
