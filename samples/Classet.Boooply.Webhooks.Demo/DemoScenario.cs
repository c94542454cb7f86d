using Classet.Boooply.Webhooks.Cli.Simulation;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Demo;

/// <summary>One delivery the demo sends, and what must happen to it.</summary>
/// <param name="Vendor">The vendor (<see cref="WebhookVendorNames"/>).</param>
/// <param name="Title">What is sent, for the table.</param>
/// <param name="CreateDelivery">Builds the delivery.</param>
/// <param name="Policy">The retry policy the simulator follows.</param>
/// <param name="ExpectedStatus">The HTTP status the endpoint must answer (from the DESIGN status table).</param>
/// <param name="ExpectedKind">Which handler must see it, or <see langword="null"/> when none may run.</param>
/// <param name="ExpectedEventType">The event type that handler must see, or <see langword="null"/> when any will do (a dead letter has none).</param>
/// <param name="ExpectedAttempt">For a handled event, the inbox attempt on which the handler must have seen it.</param>
public sealed record DemoScenario(
    string Vendor,
    string Title,
    Func<WebhookTestDelivery> CreateDelivery,
    DeliveryRetryPolicy Policy,
    int ExpectedStatus,
    ReceivedWebhookKind? ExpectedKind,
    string? ExpectedEventType = null,
    int ExpectedAttempt = 1);
