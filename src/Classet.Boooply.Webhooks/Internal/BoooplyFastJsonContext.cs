using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Read-only twin of <see cref="BoooplyJsonContext"/> with hand-written readers for the hottest records. It binds the
/// well-formed bodies Boooply sends; whatever its readers decline is bound again through <see cref="BoooplyJsonContext.Wire"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = WebhookJson.MaxDepth,
    Converters = [typeof(BoooplyTranscriptEntryConverter)])]
[JsonSerializable(typeof(BoooplyEnvelope<BoooplyTranscriptData>))]
internal sealed partial class BoooplyFastJsonContext : JsonSerializerContext;
