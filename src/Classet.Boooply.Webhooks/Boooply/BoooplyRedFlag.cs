using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A concern raised by the evaluation (<c>data.redFlags[]</c>).</summary>
public sealed record BoooplyRedFlag
{
    /// <summary>Gets <c>flag</c>, the concern.</summary>
    public string? Flag { get; init; }

    /// <summary>Gets <c>severity</c>: <see cref="BoooplyRedFlagSeverity.Critical"/> or <see cref="BoooplyRedFlagSeverity.Warning"/>; unknown values are kept.</summary>
    public BoooplyRedFlagSeverity? Severity { get; init; }

    /// <summary>Gets <c>context</c>, where the concern came from.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
