using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// The wire shape <c>{"event": "...", "data": {...}}</c>. The public event records stay free of serializer
/// plumbing; this type carries the envelope through System.Text.Json, so error paths read <c>$.data.scores.overall</c>.
/// </summary>
/// <typeparam name="TData">The event's typed <c>data</c> record.</typeparam>
internal sealed class BoooplyEnvelope<TData>
    where TData : class
{
    [JsonPropertyName("event")]
    [JsonPropertyOrder(-2)]
    public string? Event { get; set; }

    [JsonPropertyName("data")]
    [JsonPropertyOrder(-1)]
    public TData? Data { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
