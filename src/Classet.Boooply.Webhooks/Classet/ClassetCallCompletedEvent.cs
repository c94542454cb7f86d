using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// <c>call_completed</c> (deprecated by Classet): a candidate finished a screening call. Carries the transcript with
/// per-word timings, the questions and answers, and the call's details and AI analysis.
/// </summary>
/// <remarks>
/// <para>
/// The body has no <c>event</c> property; it is recognised by its top-level <c>call_status</c> or <c>call_id</c>.
/// Serializing it writes no <c>event</c> property either, so the wire shape is kept.
/// </para>
/// <para>
/// Classet's page shows every field as present. They are nullable here because this legacy body carries no event
/// name or version to check against: a delivery that omits a field is still delivered rather than rejected. A field
/// that is present with the wrong type is rejected. Absent fields are not written back.
/// </para>
/// </remarks>
[Obsolete(ObsoleteMessage)]
public sealed record ClassetCallCompletedEvent : ClassetWebhookEvent, IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<ClassetTranscriptEntry>? _transcript;
    private readonly ValueList<ClassetCallQuestion>? _questions;

    internal const string ObsoleteMessage =
        "Classet deprecated the call_completed webhook in favour of candidate.interview.updated. Subscribe to "
        + "candidate.interview.updated (Interview Events) in Classet's developer settings and handle "
        + "ClassetInterviewUpdatedEvent instead; keep this handler only until Classet stops sending call_completed.";

    /// <summary>Gets <c>call_completed</c> (<see cref="ClassetEventTypes.CallCompleted"/>). Not part of the body.</summary>
    [JsonIgnore]
    public override string EventType => ClassetEventTypes.CallCompleted;

    /// <summary>Gets Classet's identifier of the candidate (<c>candidate_id</c>).</summary>
    [JsonPropertyName("candidate_id")]
    public string? CandidateId { get; init; }

    /// <summary>Gets the candidate's phone number (<c>candidate_phone</c>), as Classet formats it (for example <c>+1234567890</c>).</summary>
    [JsonPropertyName("candidate_phone")]
    public string? CandidatePhone { get; init; }

    /// <summary>Gets Classet's identifier of the job (<c>job_id</c>).</summary>
    [JsonPropertyName("job_id")]
    public string? JobId { get; init; }

    /// <summary>Gets the job's title (<c>job_title</c>).</summary>
    [JsonPropertyName("job_title")]
    public string? JobTitle { get; init; }

    /// <summary>Gets the call's status (<c>call_status</c>), such as <see cref="ClassetCallStatus.CallCompleted"/>.</summary>
    [JsonPropertyName("call_status")]
    public ClassetCallStatus? CallStatus { get; init; }

    /// <summary>Gets the conversation, one entry per turn, with per-word timings (<c>transcript</c>).</summary>
    [JsonPropertyName("transcript")]
    public IReadOnlyList<ClassetTranscriptEntry>? Transcript
    {
        get => _transcript;
        init => _transcript = ValueList<ClassetTranscriptEntry>.From(value);
    }

    /// <summary>Gets the structured questions and the candidate's answers collected during the call (<c>questions</c>).</summary>
    [JsonPropertyName("questions")]
    public IReadOnlyList<ClassetCallQuestion>? Questions
    {
        get => _questions;
        init => _questions = ValueList<ClassetCallQuestion>.From(value);
    }

    /// <summary>Gets the call session's metadata: duration, timestamps, latency and AI analysis (<c>call_details</c>).</summary>
    [JsonPropertyName("call_details")]
    public ClassetCallDetails? CallDetails { get; init; }

    /// <summary>Gets Classet's identifier of the call session (<c>call_id</c>).</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    /// <summary>Gets the URL of the call's recording (<c>recording_url</c>), exactly as sent.</summary>
    [JsonPropertyName("recording_url")]
    public string? RecordingUrl { get; init; }

    /// <summary>
    /// Gets the members of this object that this version of the SDK does not know. They are kept, and written back by
    /// <see cref="ClassetWebhookSerializer.Serialize"/>, so nothing Classet adds is lost.
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
}
