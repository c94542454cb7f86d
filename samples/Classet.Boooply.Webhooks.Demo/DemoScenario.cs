using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Samples.Simulator;

namespace Classet.Boooply.Webhooks.Demo;

/// <summary>One delivery the demo sends, and what must happen to it.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Title">What is sent, for the table.</param>
/// <param name="CreateDelivery">Builds the delivery for the receiver's base address.</param>
/// <param name="Policy">The retry policy the simulator follows.</param>
/// <param name="ExpectedStatus">The HTTP status the endpoint must answer (from the DESIGN status table).</param>
/// <param name="ExpectedKind">Which handler must see it, or <see langword="null"/> when none may run.</param>
/// <param name="ExpectedEventType">The event type that handler must see, or <see langword="null"/> when any will do (a dead letter has none).</param>
public sealed record DemoScenario(
    WebhookVendor Vendor,
    string Title,
    Func<Uri, WebhookDelivery> CreateDelivery,
    DeliveryRetryPolicy Policy,
    int ExpectedStatus,
    ReceivedWebhookKind? ExpectedKind,
    string? ExpectedEventType = null);
