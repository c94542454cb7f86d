using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One turn of a call's transcript in the deprecated <c>call_completed</c> delivery.</summary>
public sealed record ClassetTranscriptEntry
{
    /// <summary>Gets who spoke (<c>role</c>): <c>user</c> for the candidate, otherwise the voice agent.</summary>
    [JsonPropertyName("role")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    /// <summary>Gets each spoken word with its timing (<c>words</c>).</summary>
    [JsonPropertyName("words")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ClassetTranscriptWord>? Words { get; init; }

    /// <summary>Gets the turn's text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    /// <summary>Gets the properties of this entry that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
