using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A strength or weakness with its evidence (<c>data.strengthsAndWeaknesses.strengths[]</c> and <c>.weaknesses[]</c>).</summary>
public sealed record BoooplyEvidencePoint
{
    /// <summary>Gets <c>point</c>, the strength or weakness.</summary>
    public string? Point { get; init; }

    /// <summary>Gets <c>evidence</c>, what in the interview supports it.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
