using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One word of a transcript turn, with when it was spoken (seconds from the start of the call).</summary>
public sealed record ClassetTranscriptWord : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets when the word starts, in seconds from the start of the call (<c>start</c>), as sent.</summary>
    [JsonPropertyName("start")]
    public decimal? StartSeconds { get; init; }

    /// <summary>Gets when the word ends, in seconds from the start of the call (<c>end</c>), as sent.</summary>
    [JsonPropertyName("end")]
    public decimal? EndSeconds { get; init; }

    /// <summary>Gets the word as transcribed (<c>word</c>), punctuation included.</summary>
    [JsonPropertyName("word")]
    public string? Word { get; init; }

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

    /// <summary>Gets <see cref="StartSeconds"/> as an offset into the call; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Start => WebhookTime.FromSeconds(StartSeconds);

    /// <summary>Gets <see cref="EndSeconds"/> as an offset into the call; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? End => WebhookTime.FromSeconds(EndSeconds);

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>ClassetTranscriptWord { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetTranscriptWord));
}
