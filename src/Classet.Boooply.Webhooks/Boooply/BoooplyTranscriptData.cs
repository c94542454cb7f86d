using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>data</c> of an <c>interview.transcript</c> event: the full conversation, with speaker names and timings.</summary>
/// <remarks>Fired after transcription completes: Whisper for human and team meetings, real time for AI interviews. <para>Every property except <see cref="MeetingCode"/> is nullable: Boooply's documentation shows examples, not a schema, and a field it stops sending must never cost you a delivery.</para></remarks>
public sealed record BoooplyTranscriptData : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<BoooplyTranscriptEntry>? _transcript;

    /// <summary>Gets <c>meetingCode</c>, the interview this event is about. Always present (a delivery without it is rejected): it is half of the idempotency key.</summary>
    public required string MeetingCode { get; init; }

    /// <summary>Gets <c>title</c>, the interview's title, such as <c>Senior Frontend Engineer Interview</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>meetingType</c>, such as <see cref="BoooplyMeetingType.AiOnly"/>; unknown values are kept.</summary>
    public BoooplyMeetingType? MeetingType { get; init; }

    /// <summary>Gets <c>isTeamMeeting</c>: whether several interviewers took part.</summary>
    public bool? IsTeamMeeting { get; init; }

    /// <summary>Gets <c>candidateName</c>.</summary>
    public string? CandidateName { get; init; }

    /// <summary>Gets <c>jobRole</c>, the role the candidate interviewed for.</summary>
    public string? JobRole { get; init; }

    /// <summary>Gets <c>source</c>: the ATS organization name that created the interview through the platform API (such as <c>Acme Corp</c>); null for interviews created in the Boooply dashboard.</summary>
    public string? Source { get; init; }

    /// <summary>Gets <c>sourceId</c>: the ATS organization's own id, the <c>organizationId</c> passed to <c>createOrganizationApiKey()</c>. Use it to route the event to the right customer; null for dashboard interviews.</summary>
    public string? SourceId { get; init; }

    /// <summary>Gets <c>sourcePlatform</c>: the platform name set when the platform key was generated (such as <c>AI TalentFlow</c>); null for dashboard interviews.</summary>
    public string? SourcePlatform { get; init; }

    /// <summary>Gets <c>transcript</c>, the conversation in order. AI-interview entries have no <see cref="BoooplyTranscriptEntry.EndMs"/>.</summary>
    public IReadOnlyList<BoooplyTranscriptEntry>? Transcript
    {
        get => _transcript;
        init => _transcript = ValueList<BoooplyTranscriptEntry>.From(value);
    }

    /// <summary>Gets <c>transcriptCount</c>, the number of messages Boooply counted in the conversation.</summary>
    public long? TranscriptCount { get; init; }

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
    /// <returns>For example <c>BoooplyTranscriptData { MeetingCode = Boooply-AI-1234567890 }</c>.</returns>
    public override string ToString() => RecordText.Describe(nameof(BoooplyTranscriptData), ("MeetingCode", MeetingCode));
}
