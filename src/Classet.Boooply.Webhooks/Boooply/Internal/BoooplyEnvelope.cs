using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>
/// The wire shape <c>{"event": "...", "data": {...}}</c>. The public event records stay free of serializer
/// plumbing; this type carries the envelope through System.Text.Json, so error paths read <c>$.data.scores.overall</c>.
/// </summary>
/// <typeparam name="TData">The event's typed <c>data</c> record.</typeparam>
internal sealed class BoooplyEnvelope<TData> : IExtensionDataHolder
    where TData : class
{
    private ValueDictionary<JsonElement>? _extensionData;

    [JsonPropertyName("event")]
    [JsonPropertyOrder(-2)]
    public string? Event { get; set; }

    [JsonPropertyName("data")]
    [JsonPropertyOrder(-1)]
    public TData? Data { get; set; }

    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData;
        set => _extensionData = ValueDictionary<JsonElement>.From(value);
    }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionDataSink
    {
        get => _extensionData?.Entries;
        set => _extensionData = ValueDictionary<JsonElement>.Adopt(value);
    }
}
