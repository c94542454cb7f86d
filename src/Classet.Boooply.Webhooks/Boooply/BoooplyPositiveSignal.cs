using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A positive indicator found by the evaluation (<c>data.positiveSignals[]</c>).</summary>
public sealed record BoooplyPositiveSignal
{
    /// <summary>Gets <c>signal</c>, the positive indicator.</summary>
    public string? Signal { get; init; }

    /// <summary>Gets <c>context</c>, where it came from.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
