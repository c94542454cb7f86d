using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>data</c> of an <c>interview.recording</c> event: the processed video and where to download it.</summary>
/// <remarks>Fired when the video recording has been processed and uploaded. <para>Every property except <see cref="MeetingCode"/> is nullable: Boooply's documentation shows examples, not a schema, and a field it stops sending must never cost you a delivery.</para></remarks>
public sealed record BoooplyRecordingData
{
    /// <summary>Gets <c>meetingCode</c>, the interview this event is about. Always present (a delivery without it is rejected): it is half of the idempotency key.</summary>
    public required string MeetingCode { get; init; }

    /// <summary>Gets <c>title</c>, the interview's title, such as <c>Senior Frontend Engineer Interview</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>source</c>: the ATS organization name that created the interview through the platform API (such as <c>Acme Corp</c>); null for interviews created in the Boooply dashboard.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Source { get; init; }

    /// <summary>Gets <c>sourceId</c>: the ATS organization's own id, the <c>organizationId</c> passed to <c>createOrganizationApiKey()</c>. Use it to route the event to the right customer; null for dashboard interviews.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SourceId { get; init; }

    /// <summary>Gets <c>sourcePlatform</c>: the platform name set when the platform key was generated (such as <c>AI TalentFlow</c>); null for dashboard interviews.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SourcePlatform { get; init; }

    /// <summary>Gets <c>duration</c>, the recording's length in seconds, as sent. See <see cref="Duration"/>.</summary>
    [JsonPropertyName("duration")]
    public decimal? DurationSeconds { get; init; }

    /// <summary>Gets <see cref="DurationSeconds"/> as a <see cref="TimeSpan"/>; null when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => BoooplyTime.FromSeconds(DurationSeconds);

    /// <summary>Gets <c>format</c>, the file format, such as <see cref="BoooplyRecordingFormat.Mp4"/>.</summary>
    public BoooplyRecordingFormat? Format { get; init; }

    /// <summary>Gets <c>videoUrl</c>, a pre-signed S3 download URL that <b>expires after 7 days</b>. Use it promptly, verbatim (its query string is signed), and do not store it: store <see cref="VideoApiUrl"/>.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>Gets <c>videoApiUrl</c>, the stable API endpoint for this recording. <b>Store this one</b>: it always works, and each request (with your Boooply API key) returns a fresh pre-signed download URL, whereas <see cref="VideoUrl"/> expires after 7 days.</summary>
    public string? VideoApiUrl { get; init; }

    /// <summary>Gets <c>timestamp</c>, when Boooply produced the event. It is inside the signed body, so it can bound a replay window.</summary>
    [JsonConverter(typeof(BoooplyTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
