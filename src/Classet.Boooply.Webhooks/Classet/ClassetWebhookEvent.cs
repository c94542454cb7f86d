using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// A Classet webhook delivery. Match on the concrete type: <see cref="ClassetInterviewUpdatedEvent"/>,
/// <c>ClassetCallCompletedEvent</c> (deprecated by Classet), or <see cref="ClassetUnknownEvent"/> for anything
/// this version does not know yet.
/// </summary>
public abstract record ClassetWebhookEvent
{
    private protected ClassetWebhookEvent()
    {
    }

    /// <summary>
    /// Gets the event type: the body's <c>event</c> value (such as <c>candidate.interview.updated</c>),
    /// <c>call_completed</c> for the legacy event (which has no <c>event</c> property and is recognised by its shape),
    /// or an empty string for an object with neither.
    /// </summary>
    /// <remarks>Derived records decide whether it is on the wire (<c>event</c>), so the base declaration is never serialized.</remarks>
    [JsonIgnore]
    public abstract string EventType { get; }
}
