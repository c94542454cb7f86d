using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A recruiter-facing summary of an evaluation (<c>data.recruiterSummary</c>).</summary>
public sealed record BoooplyRecruiterSummary
{
    /// <summary>Gets <c>tldr</c>, the summary in one sentence.</summary>
    public string? Tldr { get; init; }

    /// <summary>Gets <c>quickDecision</c>: <see cref="BoooplyQuickDecision.Advance"/>, <see cref="BoooplyQuickDecision.Hold"/> or <see cref="BoooplyQuickDecision.Reject"/>; unknown values are kept.</summary>
    public BoooplyQuickDecision? QuickDecision { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
