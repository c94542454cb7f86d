using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A positive indicator found by the evaluation (<c>data.positiveSignals[]</c>).</summary>
public sealed record BoooplyPositiveSignal : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>signal</c>, the positive indicator.</summary>
    public string? Signal { get; init; }

    /// <summary>Gets <c>context</c>, where it came from.</summary>
    public string? Context { get; init; }

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
    /// <returns>The type name, such as <c>BoooplyPositiveSignal { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyPositiveSignal));
}
