using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>One skill's rating with evidence (<c>data.skillsAssessment[]</c>).</summary>
public sealed record BoooplySkillAssessment
{
    /// <summary>Gets <c>skill</c>, such as <c>React</c>.</summary>
    public string? Skill { get; init; }

    /// <summary>Gets <c>rating</c>, on a 1–5 scale. A <see cref="decimal"/>, so a fractional value is read, not rejected.</summary>
    public decimal? Rating { get; init; }

    /// <summary>Gets <c>evidence</c>, what in the interview supports the rating.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
