namespace Classet.Boooply.Webhooks;

/// <summary>Where an entry of the durable webhook inbox is in its life.</summary>
/// <remarks>
/// The numeric values are stable: stores persist them, so they never change between versions. An entry moves
/// <see cref="Pending"/> → <see cref="Processing"/> → <see cref="Completed"/>, or back to <see cref="Pending"/> for a retry,
/// or to <see cref="Failed"/> after the last attempt; <c>IWebhookInbox.ReplayAsync</c> moves a failed entry back to
/// <see cref="Pending"/>.
/// </remarks>
public enum WebhookInboxState
{
    /// <summary>Stored and waiting for its first or next attempt (which may be scheduled in the future).</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher, which holds a lease on it while its handlers run.</summary>
    Processing = 1,

    /// <summary>Handled. Kept for <c>RetainCompletedFor</c> so that copies of the delivery are recognised, then purged.</summary>
    Completed = 2,

    /// <summary>
    /// Given up on: the handlers failed <c>MaxAttempts</c> times, or the body could not be parsed (a dead letter). Kept until
    /// an operator replays it.
    /// </summary>
    Failed = 3,
}
