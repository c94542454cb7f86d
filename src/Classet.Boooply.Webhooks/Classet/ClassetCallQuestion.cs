using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One structured screening question and the candidate's answer, from the deprecated <c>call_completed</c> delivery.</summary>
public sealed record ClassetCallQuestion
{
    /// <summary>Gets the question asked (<c>question</c>).</summary>
    [JsonPropertyName("question")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Question { get; init; }

    /// <summary>Gets the candidate's answer (<c>answer</c>).</summary>
    [JsonPropertyName("answer")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Answer { get; init; }

    /// <summary>Gets the properties of this entry that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
