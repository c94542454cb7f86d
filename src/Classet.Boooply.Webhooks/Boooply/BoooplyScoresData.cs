using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>data</c> of an <c>interview.scores</c> event: the lightweight numbers-only companion of the evaluation.</summary>
/// <remarks>Fired alongside <c>interview.evaluation</c>. <para>Every property except <see cref="MeetingCode"/> is nullable: Boooply's documentation shows examples, not a schema, and a field it stops sending must never cost you a delivery.</para></remarks>
public sealed record BoooplyScoresData : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>meetingCode</c>, the interview this event is about. Always present (a delivery without it is rejected): it is half of the idempotency key.</summary>
    public required string MeetingCode { get; init; }

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

    /// <summary>Gets <c>overallRating</c>, on a 1–5 scale. A <see cref="decimal"/>, so a fractional rating such as 3.5 is read, not rejected.</summary>
    public decimal? OverallRating { get; init; }

    /// <summary>Gets <c>recommendation</c>: <see cref="BoooplyRecommendation.StrongPass"/>, <see cref="BoooplyRecommendation.Pass"/>, <see cref="BoooplyRecommendation.Review"/>, <see cref="BoooplyRecommendation.Fail"/> or <see cref="BoooplyRecommendation.StrongFail"/>; unknown values are kept.</summary>
    public BoooplyRecommendation? Recommendation { get; init; }

    /// <summary>Gets <c>confidenceLevel</c>, how sure the AI is of its evaluation, such as <see cref="BoooplyConfidenceLevel.High"/>.</summary>
    public BoooplyConfidenceLevel? ConfidenceLevel { get; init; }

    /// <summary>Gets <c>scores</c>, the 0–100 breakdown. (Boooply's Node sample reads <c>data.technical</c>; there is no such field: use <see cref="BoooplyScores.TechnicalSkills"/>.)</summary>
    public BoooplyScores? Scores { get; init; }

    /// <summary>Gets <c>ratingsForRecruiters</c>, the scores formatted for ATS import.</summary>
    public BoooplyRecruiterRatings? RatingsForRecruiters { get; init; }

    /// <summary>Gets <c>oneLineSummary</c>, a one-line TL;DR of the evaluation.</summary>
    public string? OneLineSummary { get; init; }

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
    /// <returns>For example <c>BoooplyScoresData { MeetingCode = Boooply-AI-1234567890 }</c>.</returns>
    public override string ToString() => RecordText.Describe(nameof(BoooplyScoresData), ("MeetingCode", MeetingCode));
}
