using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Read-only twin of <see cref="ClassetJsonContext"/> with hand-written readers for the hottest records. It binds the
/// well-formed bodies Classet sends; whatever its readers decline is bound again through <see cref="ClassetJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    MaxDepth = WebhookJson.MaxDepth,
    Converters = [typeof(ClassetDateTimeOffsetConverter), typeof(ClassetFiniteDoubleConverter), typeof(ClassetTranscriptWordConverter), typeof(ClassetFieldChangeConverter)])]
[JsonSerializable(typeof(ClassetInterviewUpdatedEvent))]
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
[JsonSerializable(typeof(ClassetCallCompletedEvent))]
#pragma warning restore CS0618
internal sealed partial class ClassetFastJsonContext : JsonSerializerContext;
