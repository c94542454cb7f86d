namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>What the receiver did with a delivery that reached application code.</summary>
public enum ReceivedWebhookKind
{
    /// <summary>A typed handler handled a known event.</summary>
    Handled = 0,

    /// <summary>The unknown-event handler got an event this SDK version does not know, with its raw JSON.</summary>
    UnknownEvent = 1,

    /// <summary>The delivery verified but did not parse; the dead-letter handler kept its body.</summary>
    DeadLettered = 2,
}
