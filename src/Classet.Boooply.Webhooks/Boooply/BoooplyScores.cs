using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The 0–100 score breakdown of an evaluation (<c>data.scores</c>).</summary>
public sealed record BoooplyScores : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

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
    /// <returns>The type name, such as <c>BoooplyScores { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyScores));
}
