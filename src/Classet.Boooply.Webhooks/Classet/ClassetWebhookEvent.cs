using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

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

    /// <summary>Gets or sets the body this event was read from, so serializing it keeps every unchanged value's spelling. Never part of the event's value.</summary>
    [JsonIgnore]
    internal OriginalJson Original { get; set; }

    /// <summary>
    /// Returns the event's type name and event type only. Payload values (candidate data, summaries, transcripts) never
    /// appear in <c>ToString()</c>, so logging an event leaks nothing; an event type that is not a plain identifier
    /// (letters, digits, <c>._:-</c>, at most 64) is not shown either, since it is text from the body.
    /// </summary>
    /// <returns>For example <c>ClassetInterviewUpdatedEvent { EventType = candidate.interview.updated }</c>.</returns>
    public sealed override string ToString() => RecordText.Describe(GetType().Name, ("EventType", EventType));
}
