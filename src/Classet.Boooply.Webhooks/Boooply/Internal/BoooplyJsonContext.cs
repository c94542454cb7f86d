using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>
/// Source-generated metadata for Boooply's wire shape (camelCase names). Use it through <see cref="BoooplyJson"/>,
/// whose options add the converters and the contract rules both vendors share.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    MaxDepth = WebhookJson.MaxDepth,
    Converters = [typeof(BoooplyTimestampConverter), typeof(WholeNumberConverter)])]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyTranscriptData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyEvaluationData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyScoresData>))]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyRecordingData>))]
internal sealed partial class BoooplyJsonContext : JsonSerializerContext;
