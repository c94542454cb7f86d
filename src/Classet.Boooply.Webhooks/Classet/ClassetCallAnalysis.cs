using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The AI analysis of a call in the deprecated <c>call_completed</c> delivery (<c>call_details.call_analysis</c>).</summary>
public sealed record ClassetCallAnalysis : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets a natural-language summary of the call (<c>call_summary</c>).</summary>
    [JsonPropertyName("call_summary")]
    public string? CallSummary { get; init; }

    /// <summary>Gets the candidate's sentiment (<c>user_sentiment</c>).</summary>
    [JsonPropertyName("user_sentiment")]
    public ClassetSentiment? UserSentiment { get; init; }

    /// <summary>Gets the voice agent's sentiment (<c>agent_sentiment</c>).</summary>
    [JsonPropertyName("agent_sentiment")]
    public ClassetSentiment? AgentSentiment { get; init; }

    /// <summary>Gets how completely the call went (<c>call_completion_rating</c>).</summary>
    [JsonPropertyName("call_completion_rating")]
    public ClassetCompletionRating? CallCompletionRating { get; init; }

    /// <summary>Gets how completely the voice agent did its task (<c>agent_task_completion_rating</c>).</summary>
    [JsonPropertyName("agent_task_completion_rating")]
    public ClassetCompletionRating? AgentTaskCompletionRating { get; init; }

    /// <summary>Gets why the call got its <see cref="CallCompletionRating"/> (<c>call_completion_rating_reason</c>).</summary>
    [JsonPropertyName("call_completion_rating_reason")]
    public string? CallCompletionRatingReason { get; init; }

    /// <summary>Gets why the agent got its <see cref="AgentTaskCompletionRating"/> (<c>agent_task_completion_rating_reason</c>).</summary>
    [JsonPropertyName("agent_task_completion_rating_reason")]
    public string? AgentTaskCompletionRatingReason { get; init; }

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

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>ClassetCallAnalysis { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetCallAnalysis));
}
