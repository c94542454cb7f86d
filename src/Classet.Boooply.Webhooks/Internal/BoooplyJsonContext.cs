using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>Source-generated metadata for Boooply's wire shape: camelCase names, null fields left out, depth-limited.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = WebhookJson.MaxDepth)]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyTranscriptData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyEvaluationData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyScoresData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyRecordingData>))]
internal sealed partial class BoooplyJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The instance the serializer uses. Its encoder writes non-ASCII text and characters such as <c>&lt;</c> or
    /// <c>'</c> as themselves, as <c>JSON.stringify</c> does, so re-serialized bodies look like what Boooply sent.
    /// The output is JSON for machines, never embedded in HTML.
    /// </summary>
    /// <remarks>The options are spelled out, not copied from <c>Default</c>: static initializers of partial classes run in no defined order.</remarks>
    public static BoooplyJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = WebhookJson.MaxDepth,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
