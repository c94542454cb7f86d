using Classet.Boooply.Webhooks.Cli.Simulation;
using Classet.Boooply.Webhooks.Samples.Receiver;

namespace Classet.Boooply.Webhooks.Demo;

/// <summary>What happened to one demo delivery.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Result">The simulator's report.</param>
/// <param name="Seen">What the receiver's handlers recorded while it was delivered.</param>
public sealed record DemoOutcome(DemoScenario Scenario, DeliveryResult Result, IReadOnlyList<ReceivedWebhook> Seen)
{
    /// <summary>
    /// Gets whether the status and the handler behaviour are the expected ones: exactly one call of the expected
    /// handler, with the expected event type, or no handler call at all.
    /// </summary>
    public bool AsExpected =>
        Result.LastStatusCode == Scenario.ExpectedStatus
        && (Scenario.ExpectedKind is { } kind
            ? Seen.Count == 1 && Seen[0].Kind == kind
              && (Scenario.ExpectedEventType is null || string.Equals(Seen[0].EventType, Scenario.ExpectedEventType, StringComparison.Ordinal))
              && (kind == ReceivedWebhookKind.DeadLettered || Seen[0].Attempt == Scenario.ExpectedAttempt)
            : Seen.Count == 0);

    /// <summary>Gets what to show in the "handler saw" column.</summary>
    public string HandlerText => Seen.Count switch
    {
        0 => Scenario.ExpectedKind is null ? "(no handler ran, as expected)" : "(no handler ran)",
        1 => Seen[0].Attempt > 1 ? $"attempt {Seen[0].Attempt}: {Seen[0].Summary}" : Seen[0].Summary,
        _ => $"({Seen.Count} handler calls) " + string.Join(" | ", Seen.Select(s => s.Summary)),
    };
}
