using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>One skill's rating with evidence (<c>data.skillsAssessment[]</c>).</summary>
public sealed record BoooplySkillAssessment : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>skill</c>, such as <c>React</c>.</summary>
    public string? Skill { get; init; }

    /// <summary>Gets <c>rating</c>, on a 1–5 scale. A <see cref="decimal"/>, so a fractional value is read, not rejected.</summary>
    public decimal? Rating { get; init; }

    /// <summary>Gets <c>evidence</c>, what in the interview supports the rating.</summary>
    public string? Evidence { get; init; }

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
    /// <returns>The type name, such as <c>BoooplySkillAssessment { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplySkillAssessment));
}
