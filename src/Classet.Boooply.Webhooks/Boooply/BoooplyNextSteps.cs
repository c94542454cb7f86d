using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>What to do after this interview (<c>data.nextSteps</c>).</summary>
public sealed record BoooplyNextSteps
{
    /// <summary>Gets <c>recommendation</c>, the suggested next step in prose, such as <c>Proceed to technical round</c>.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Gets <c>questionsToAsk</c>, follow-up questions for the next round.</summary>
    public IReadOnlyList<string>? QuestionsToAsk { get; init; }

    /// <summary>Gets <c>focusAreasForNextRound</c>.</summary>
    public IReadOnlyList<string>? FocusAreasForNextRound { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
