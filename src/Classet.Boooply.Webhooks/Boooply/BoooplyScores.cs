using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The 0–100 score breakdown of an evaluation (<c>data.scores</c>).</summary>
public sealed record BoooplyScores
{
    /// <summary>Gets <c>overall</c>, 0–100. A <see cref="decimal"/>, so a fractional value is read, not rejected.</summary>
    public decimal? Overall { get; init; }

    /// <summary>Gets <c>communication</c>, 0–100.</summary>
    public decimal? Communication { get; init; }

    /// <summary>Gets <c>technicalSkills</c>, 0–100. (This is the field Boooply's Node sample calls <c>data.technical</c>.)</summary>
    public decimal? TechnicalSkills { get; init; }

    /// <summary>Gets <c>problemSolving</c>, 0–100.</summary>
    public decimal? ProblemSolving { get; init; }

    /// <summary>Gets <c>cultureFit</c>, 0–100.</summary>
    public decimal? CultureFit { get; init; }

    /// <summary>Gets <c>experienceMatch</c>, 0–100.</summary>
    public decimal? ExperienceMatch { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
