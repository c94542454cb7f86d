using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The <c>data</c> of an <c>interview.evaluation</c> event: the AI's full analysis of the interview.</summary>
/// <remarks>Fired after the AI analysis completes. <para>Every property except <see cref="MeetingCode"/> is nullable: Boooply's documentation shows examples, not a schema, and a field it stops sending must never cost you a delivery.</para></remarks>
public sealed record BoooplyEvaluationData : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<BoooplySkillAssessment>? _skillsAssessment;
    private readonly ValueList<BoooplyRedFlag>? _redFlags;
    private readonly ValueList<BoooplyPositiveSignal>? _positiveSignals;
    private readonly ValueList<BoooplyQuestionAsked>? _questionsAsked;
    private readonly JsonContent? _meetingStatistics;
    private readonly JsonContent? _customQuestionResponses;

    /// <summary>Gets <c>meetingCode</c>, the interview this event is about. Always present (a delivery without it is rejected): it is half of the idempotency key.</summary>
    public required string MeetingCode { get; init; }

    /// <summary>Gets <c>title</c>, the interview's title, such as <c>Senior Frontend Engineer Interview</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>meetingType</c>, such as <see cref="BoooplyMeetingType.AiOnly"/>; unknown values are kept.</summary>
    public BoooplyMeetingType? MeetingType { get; init; }

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

    /// <summary>Gets <c>summary</c>, the evaluation in prose.</summary>
    public string? Summary { get; init; }

    /// <summary>Gets <c>oneLineSummary</c>, a one-line TL;DR of the evaluation.</summary>
    public string? OneLineSummary { get; init; }

    /// <summary>Gets <c>overallRating</c>, on a 1–5 scale. A <see cref="decimal"/>, so a fractional rating such as 3.5 is read, not rejected.</summary>
    public decimal? OverallRating { get; init; }

    /// <summary>Gets <c>recommendation</c>: <see cref="BoooplyRecommendation.StrongPass"/>, <see cref="BoooplyRecommendation.Pass"/>, <see cref="BoooplyRecommendation.Review"/>, <see cref="BoooplyRecommendation.Fail"/> or <see cref="BoooplyRecommendation.StrongFail"/>; unknown values are kept.</summary>
    public BoooplyRecommendation? Recommendation { get; init; }

    /// <summary>Gets <c>confidenceLevel</c>, how sure the AI is of its evaluation, such as <see cref="BoooplyConfidenceLevel.High"/>.</summary>
    public BoooplyConfidenceLevel? ConfidenceLevel { get; init; }

    /// <summary>Gets <c>scores</c>, the 0–100 breakdown. (Boooply's Node sample reads <c>data.technical</c>; there is no such field: use <see cref="BoooplyScores.TechnicalSkills"/>.)</summary>
    public BoooplyScores? Scores { get; init; }

    /// <summary>Gets <c>recruiterSummary</c>: a TL;DR and a quick decision.</summary>
    public BoooplyRecruiterSummary? RecruiterSummary { get; init; }

    /// <summary>Gets <c>skillsAssessment</c>, a rating with evidence per skill.</summary>
    public IReadOnlyList<BoooplySkillAssessment>? SkillsAssessment
    {
        get => _skillsAssessment;
        init => _skillsAssessment = ValueList<BoooplySkillAssessment>.From(value);
    }

    /// <summary>Gets <c>strengthsAndWeaknesses</c>, each with evidence.</summary>
    public BoooplyStrengthsAndWeaknesses? StrengthsAndWeaknesses { get; init; }

    /// <summary>Gets <c>redFlags</c>, concerns with a severity and context.</summary>
    public IReadOnlyList<BoooplyRedFlag>? RedFlags
    {
        get => _redFlags;
        init => _redFlags = ValueList<BoooplyRedFlag>.From(value);
    }

    /// <summary>Gets <c>positiveSignals</c>, positive indicators with context.</summary>
    public IReadOnlyList<BoooplyPositiveSignal>? PositiveSignals
    {
        get => _positiveSignals;
        init => _positiveSignals = ValueList<BoooplyPositiveSignal>.From(value);
    }

    /// <summary>Gets <c>sentimentAnalysis</c>: enthusiasm, authenticity and stress level.</summary>
    public BoooplySentimentAnalysis? SentimentAnalysis { get; init; }

    /// <summary>Gets <c>questionsAsked</c>: each question, the answer, its quality, topic and offset into the interview.</summary>
    public IReadOnlyList<BoooplyQuestionAsked>? QuestionsAsked
    {
        get => _questionsAsked;
        init => _questionsAsked = ValueList<BoooplyQuestionAsked>.From(value);
    }

    /// <summary>Gets <c>meetingStatistics</c> (speaking time percentages, response times) as raw JSON: Boooply documents no shape for it, so none is invented. An owned copy, safe to keep.</summary>
    public JsonElement? MeetingStatistics
    {
        get => _meetingStatistics?.Element;
        init => _meetingStatistics = JsonContent.From(value);
    }

    /// <summary>Gets <c>nextSteps</c>: a recommendation, follow-up questions and focus areas for the next round.</summary>
    public BoooplyNextSteps? NextSteps { get; init; }

    /// <summary>Gets <c>customQuestionResponses</c> (answers to the recruiter's custom questions; documented as an array) as raw JSON: Boooply documents no element shape, so none is invented. An owned copy, safe to keep.</summary>
    public JsonElement? CustomQuestionResponses
    {
        get => _customQuestionResponses?.Element;
        init => _customQuestionResponses = JsonContent.From(value);
    }

    /// <summary>Gets <c>ratingsForRecruiters</c>, the scores formatted for ATS import.</summary>
    public BoooplyRecruiterRatings? RatingsForRecruiters { get; init; }

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
    /// <returns>For example <c>BoooplyEvaluationData { MeetingCode = Boooply-AI-1234567890 }</c>.</returns>
    public override string ToString() => RecordText.Describe(nameof(BoooplyEvaluationData), ("MeetingCode", MeetingCode));
}
