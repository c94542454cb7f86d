using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// A Boooply delivery whose <c>event</c> this version of the SDK does not know. Nothing is lost: the whole body is
/// kept, and the common fields are still read from <c>data</c> when present.
/// </summary>
/// <remarks>
/// <c>ToString()</c> deliberately does not print <see cref="RawJson"/>: the body can hold candidate data, and events end
/// up in logs. It shows the type name and the event type and meeting code only (when they are plain identifiers).
/// </remarks>
public sealed record BoooplyUnknownEvent : BoooplyWebhookEvent
{
    private readonly JsonContent _rawJson;

    /// <summary>Creates an unknown event.</summary>
    /// <param name="eventType">The body's <c>event</c> value.</param>
    /// <param name="rawJson">The whole body. It is cloned, so the event owns it and outlives any pooled buffer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is null.</exception>
    public BoooplyUnknownEvent(string eventType, JsonElement rawJson)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EventType = eventType;
        _rawJson = new JsonContent(rawJson);
        if (RawJson.ValueKind == JsonValueKind.Object && RawJson.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            MeetingCode = ReadString(data, "meetingCode") ?? string.Empty;
            Source = ReadString(data, "source");
            SourceId = ReadString(data, "sourceId");
            SourcePlatform = ReadString(data, "sourcePlatform");
            Timestamp = data.TryGetProperty("timestamp", out var timestamp) && WebhookTimestamp.TryRead(timestamp, out var parsed) ? parsed : null;
        }
        else
        {
            MeetingCode = string.Empty;
        }
    }

    /// <inheritdoc />
    public override string EventType { get; }

    /// <inheritdoc />
    public override string MeetingCode { get; }

    /// <inheritdoc />
    public override string? Source { get; }

    /// <inheritdoc />
    public override string? SourceId { get; }

    /// <inheritdoc />
    public override string? SourcePlatform { get; }

    /// <inheritdoc />
    public override DateTimeOffset? Timestamp { get; }

    /// <summary>Gets the whole body as received (an owned copy). Two unknown events are equal when their bodies have the same content.</summary>
    public JsonElement RawJson => _rawJson.Element;

    private static string? ReadString(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
