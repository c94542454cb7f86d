using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>How the candidate came across (<c>data.sentimentAnalysis</c>).</summary>
public sealed record BoooplySentimentAnalysis : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>enthusiasm</c>, such as <see cref="BoooplySentimentLevel.High"/>; unknown values are kept.</summary>
    public BoooplySentimentLevel? Enthusiasm { get; init; }

    /// <summary>Gets <c>authenticity</c>, such as <see cref="BoooplyAuthenticity.Genuine"/>; unknown values are kept.</summary>
    public BoooplyAuthenticity? Authenticity { get; init; }

    /// <summary>Gets <c>stressLevel</c>, such as <see cref="BoooplySentimentLevel.Low"/>; unknown values are kept.</summary>
    public BoooplySentimentLevel? StressLevel { get; init; }

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

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>BoooplySentimentAnalysis { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplySentimentAnalysis));
}
