using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The scores formatted for ATS pipeline import (<c>data.ratingsForRecruiters</c>).</summary>
public sealed record BoooplyRecruiterRatings
{
    /// <summary>Gets <c>technicalSkills</c>. A <see cref="decimal"/>, so a fractional value is read, not rejected.</summary>
    public decimal? TechnicalSkills { get; init; }

    /// <summary>Gets <c>communication</c>.</summary>
    public decimal? Communication { get; init; }

    /// <summary>Gets <c>cultureFit</c>.</summary>
    public decimal? CultureFit { get; init; }

    /// <summary>Gets <c>overall</c>.</summary>
    public decimal? Overall { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
