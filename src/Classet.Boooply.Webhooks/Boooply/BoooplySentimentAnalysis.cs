using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>How the candidate came across (<c>data.sentimentAnalysis</c>).</summary>
public sealed record BoooplySentimentAnalysis
{
    /// <summary>Gets <c>enthusiasm</c>, such as <see cref="BoooplySentimentLevel.High"/>; unknown values are kept.</summary>
    public BoooplySentimentLevel? Enthusiasm { get; init; }

    /// <summary>Gets <c>authenticity</c>, such as <see cref="BoooplyAuthenticity.Genuine"/>; unknown values are kept.</summary>
    public BoooplyAuthenticity? Authenticity { get; init; }

    /// <summary>Gets <c>stressLevel</c>, such as <see cref="BoooplySentimentLevel.Low"/>; unknown values are kept.</summary>
    public BoooplySentimentLevel? StressLevel { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
