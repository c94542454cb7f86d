using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>interview.transcript</c> event. Transcript ready: the full conversation transcript with speaker names and timings.</summary>
/// <remarks>Every documented field is on <see cref="Data"/>; the members inherited from <see cref="BoooplyWebhookEvent"/> read from it.</remarks>
public sealed record BoooplyTranscriptEvent : BoooplyWebhookEvent
{
    private readonly ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>interview.transcript</c>, the body's <c>event</c> value for this type (<see cref="BoooplyEventTypes.Transcript"/>).</summary>
    public override string EventType => BoooplyEventTypes.Transcript;

    /// <summary>Gets the body's <c>data</c> object, with every field Boooply documents for this event.</summary>
    public required BoooplyTranscriptData Data { get; init; }

    /// <summary>
    /// Gets top-level properties beside <c>event</c> and <c>data</c> that this version of the SDK does not know. They are
    /// kept, and written back by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData;
        init => _extensionData = ValueDictionary<JsonElement>.From(value);
    }

    /// <inheritdoc />
    public override string MeetingCode => Data.MeetingCode;

    /// <inheritdoc />
    public override string? Source => Data.Source;

    /// <inheritdoc />
    public override string? SourceId => Data.SourceId;

    /// <inheritdoc />
    public override string? SourcePlatform => Data.SourcePlatform;

    /// <inheritdoc />
    public override DateTimeOffset? Timestamp => Data.Timestamp;
}
