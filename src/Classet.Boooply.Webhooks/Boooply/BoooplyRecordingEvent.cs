using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>interview.recording</c> event. Recording available: the processed video with its expiring and stable download URLs.</summary>
/// <remarks>Every documented field is on <see cref="Data"/>; the members inherited from <see cref="BoooplyWebhookEvent"/> read from it.</remarks>
public sealed record BoooplyRecordingEvent : BoooplyWebhookEvent
{
    private readonly ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>interview.recording</c>, the body's <c>event</c> value for this type (<see cref="BoooplyEventTypes.Recording"/>).</summary>
    public override string EventType => BoooplyEventTypes.Recording;

    /// <summary>Gets the body's <c>data</c> object, with every field Boooply documents for this event.</summary>
    public required BoooplyRecordingData Data { get; init; }

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
