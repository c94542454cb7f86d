using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One turn of a call's transcript in the deprecated <c>call_completed</c> delivery.</summary>
public sealed record ClassetTranscriptEntry : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<ClassetTranscriptWord>? _words;

    /// <summary>Gets who spoke (<c>role</c>): <c>user</c> for the candidate, otherwise the voice agent.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>Gets each spoken word with its timing (<c>words</c>).</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<ClassetTranscriptWord>? Words
    {
        get => _words;
        init => _words = ValueList<ClassetTranscriptWord>.From(value);
    }

    /// <summary>Gets the turn's text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

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
    /// <returns>The type name, such as <c>ClassetTranscriptEntry { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetTranscriptEntry));
}
