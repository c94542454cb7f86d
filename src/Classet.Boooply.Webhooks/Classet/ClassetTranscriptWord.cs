using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One word of a transcript turn, with when it was spoken (seconds from the start of the call).</summary>
public sealed record ClassetTranscriptWord
{
    /// <summary>Gets when the word starts, in seconds from the start of the call (<c>start</c>), as sent.</summary>
    [JsonPropertyName("start")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StartSeconds { get; init; }

    /// <summary>Gets when the word ends, in seconds from the start of the call (<c>end</c>), as sent.</summary>
    [JsonPropertyName("end")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? EndSeconds { get; init; }

    /// <summary>Gets the word as transcribed (<c>word</c>), punctuation included.</summary>
    [JsonPropertyName("word")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Word { get; init; }

    /// <summary>Gets the properties of this word that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Gets <see cref="StartSeconds"/> as an offset into the call; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Start => ClassetTime.FromSeconds(StartSeconds);

    /// <summary>Gets <see cref="EndSeconds"/> as an offset into the call; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? End => ClassetTime.FromSeconds(EndSeconds);
}
