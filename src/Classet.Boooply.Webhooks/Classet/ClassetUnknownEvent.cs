using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// A Classet delivery this version of the SDK does not know: a new event type, or a JSON object with neither an
/// <c>event</c> property nor the <c>call_completed</c> shape. Nothing is lost: the whole body is kept.
/// </summary>
/// <remarks>
/// <c>ToString()</c> deliberately does not print <see cref="RawJson"/>: the body can hold candidate data, and events end
/// up in logs. It shows the type name and the event type only (when they are plain identifiers).
/// </remarks>
public sealed record ClassetUnknownEvent : ClassetWebhookEvent
{
    private readonly JsonContent _rawJson;

    /// <summary>Creates an unknown event.</summary>
    /// <param name="eventType">The body's <c>event</c> value, or an empty string when there is none.</param>
    /// <param name="rawJson">The whole body. It is cloned, so the event owns it and outlives any pooled buffer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is null.</exception>
    public ClassetUnknownEvent(string eventType, JsonElement rawJson)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EventType = eventType;
        _rawJson = new JsonContent(rawJson);
    }

    /// <inheritdoc />
    public override string EventType { get; }

    /// <summary>Gets the whole body as received (an owned copy). Two unknown events are equal when their bodies have the same content.</summary>
    public JsonElement RawJson => _rawJson.Element;
}
