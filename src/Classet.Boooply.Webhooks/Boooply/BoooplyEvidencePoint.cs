using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A strength or weakness with its evidence (<c>data.strengthsAndWeaknesses.strengths[]</c> and <c>.weaknesses[]</c>).</summary>
public sealed record BoooplyEvidencePoint : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>point</c>, the strength or weakness.</summary>
    public string? Point { get; init; }

    /// <summary>Gets <c>evidence</c>, what in the interview supports it.</summary>
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
    /// <returns>The type name, such as <c>BoooplyEvidencePoint { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyEvidencePoint));
}
