using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>data</c> of an <c>interview.recording</c> event: the processed video and where to download it.</summary>
/// <remarks>Fired when the video recording has been processed and uploaded. <para>Every property except <see cref="MeetingCode"/> is nullable: Boooply's documentation shows examples, not a schema, and a field it stops sending must never cost you a delivery.</para></remarks>
public sealed record BoooplyRecordingData : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>meetingCode</c>, the interview this event is about. Always present (a delivery without it is rejected): it is half of the idempotency key.</summary>
    public required string MeetingCode { get; init; }

    /// <summary>Gets <c>title</c>, the interview's title, such as <c>Senior Frontend Engineer Interview</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>source</c>: the ATS organization name that created the interview through the platform API (such as <c>Acme Corp</c>); null for interviews created in the Boooply dashboard.</summary>
    public string? Source { get; init; }

    /// <summary>Gets <c>sourceId</c>: the ATS organization's own id, the <c>organizationId</c> passed to <c>createOrganizationApiKey()</c>. Use it to route the event to the right customer; null for dashboard interviews.</summary>
    public string? SourceId { get; init; }

    /// <summary>Gets <c>sourcePlatform</c>: the platform name set when the platform key was generated (such as <c>AI TalentFlow</c>); null for dashboard interviews.</summary>
    public string? SourcePlatform { get; init; }

    /// <summary>Gets <c>duration</c>, the recording's length in seconds, as sent. See <see cref="Duration"/>.</summary>
    [JsonPropertyName("duration")]
    public long? DurationSeconds { get; init; }

    /// <summary>Gets <see cref="DurationSeconds"/> as a <see cref="TimeSpan"/>; null when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => WebhookTime.FromSeconds(DurationSeconds);

    /// <summary>Gets <c>format</c>, the file format, such as <see cref="BoooplyRecordingFormat.Mp4"/>.</summary>
    public BoooplyRecordingFormat? Format { get; init; }

    /// <summary>Gets <c>videoUrl</c>, a pre-signed S3 download URL that <b>expires after 7 days</b>. Use it promptly, verbatim (its query string is signed), and do not store it: store <see cref="VideoApiUrl"/>.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>Gets <c>videoApiUrl</c>, the stable API endpoint for this recording. <b>Store this one</b>: it always works, and each request (with your Boooply API key) returns a fresh pre-signed download URL, whereas <see cref="VideoUrl"/> expires after 7 days.</summary>
    public string? VideoApiUrl { get; init; }

    /// <summary>Gets <c>timestamp</c>, when Boooply produced the event. It is inside the signed body, so it can bound a replay window.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>
    /// Gets the members of this object that this version of the SDK does not know. They are kept, and written back by
    /// <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData;
        init => _extensionData = ValueDictionary<JsonElement>.From(value);
    }

    /// <summary>Gets or sets the dictionary System.Text.Json fills with unknown members while reading.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionDataSink
    {
        get => _extensionData?.Entries;
        set => _extensionData = ValueDictionary<JsonElement>.Adopt(value);
    }

    /// <summary>Returns the record's type name and meeting code only: other payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>For example <c>BoooplyRecordingData { MeetingCode = Boooply-AI-1234567890 }</c>.</returns>
    public override string ToString() => RecordText.Describe(nameof(BoooplyRecordingData), ("MeetingCode", MeetingCode));
}
