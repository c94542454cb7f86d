using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// Source-generated metadata for the Classet payloads. Wire names are explicit on every property
/// (<c>[JsonPropertyName]</c>), so no naming policy is involved. Use it through <see cref="ClassetJson"/>, whose options
/// add the converters, nullable-annotation checks and the contract rules both vendors share.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    MaxDepth = WebhookJson.MaxDepth,
    Converters = [typeof(ClassetDateTimeOffsetConverter), typeof(WholeNumberConverter)])]
[JsonSerializable(typeof(ClassetInterviewUpdatedEvent))]
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
[JsonSerializable(typeof(ClassetCallCompletedEvent))]
#pragma warning restore CS0618
internal sealed partial class ClassetJsonContext : JsonSerializerContext;
