using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The candidate's strengths and weaknesses, each with evidence (<c>data.strengthsAndWeaknesses</c>).</summary>
public sealed record BoooplyStrengthsAndWeaknesses : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<BoooplyEvidencePoint>? _strengths;
    private readonly ValueList<BoooplyEvidencePoint>? _weaknesses;

    /// <summary>Gets <c>strengths</c>.</summary>
    public IReadOnlyList<BoooplyEvidencePoint>? Strengths
    {
        get => _strengths;
        init => _strengths = ValueList<BoooplyEvidencePoint>.From(value);
    }

    /// <summary>Gets <c>weaknesses</c>.</summary>
    public IReadOnlyList<BoooplyEvidencePoint>? Weaknesses
    {
        get => _weaknesses;
        init => _weaknesses = ValueList<BoooplyEvidencePoint>.From(value);
    }

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
    /// <returns>The type name, such as <c>BoooplyStrengthsAndWeaknesses { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyStrengthsAndWeaknesses));
}
