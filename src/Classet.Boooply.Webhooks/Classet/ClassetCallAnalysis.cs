using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The AI analysis of a call in the deprecated <c>call_completed</c> delivery (<c>call_details.call_analysis</c>).</summary>
public sealed record ClassetCallAnalysis
{
    /// <summary>Gets a natural-language summary of the call (<c>call_summary</c>).</summary>
    [JsonPropertyName("call_summary")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallSummary { get; init; }

    /// <summary>Gets the candidate's sentiment (<c>user_sentiment</c>).</summary>
    [JsonPropertyName("user_sentiment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClassetSentiment? UserSentiment { get; init; }

    /// <summary>Gets the voice agent's sentiment (<c>agent_sentiment</c>).</summary>
    [JsonPropertyName("agent_sentiment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClassetSentiment? AgentSentiment { get; init; }

    /// <summary>Gets how completely the call went (<c>call_completion_rating</c>).</summary>
    [JsonPropertyName("call_completion_rating")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClassetCompletionRating? CallCompletionRating { get; init; }

    /// <summary>Gets how completely the voice agent did its task (<c>agent_task_completion_rating</c>).</summary>
    [JsonPropertyName("agent_task_completion_rating")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClassetCompletionRating? AgentTaskCompletionRating { get; init; }

    /// <summary>Gets why the call got its <see cref="CallCompletionRating"/> (<c>call_completion_rating_reason</c>).</summary>
    [JsonPropertyName("call_completion_rating_reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallCompletionRatingReason { get; init; }

    /// <summary>Gets why the agent got its <see cref="AgentTaskCompletionRating"/> (<c>agent_task_completion_rating_reason</c>).</summary>
    [JsonPropertyName("agent_task_completion_rating_reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AgentTaskCompletionRatingReason { get; init; }

    /// <summary>Gets the properties of <c>call_analysis</c> that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
