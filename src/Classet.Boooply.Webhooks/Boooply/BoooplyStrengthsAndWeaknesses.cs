using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The candidate's strengths and weaknesses, each with evidence (<c>data.strengthsAndWeaknesses</c>).</summary>
public sealed record BoooplyStrengthsAndWeaknesses
{
    /// <summary>Gets <c>strengths</c>.</summary>
    public IReadOnlyList<BoooplyEvidencePoint>? Strengths { get; init; }

    /// <summary>Gets <c>weaknesses</c>.</summary>
    public IReadOnlyList<BoooplyEvidencePoint>? Weaknesses { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
