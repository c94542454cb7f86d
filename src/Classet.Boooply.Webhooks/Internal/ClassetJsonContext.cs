using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Source-generated metadata for the Classet payloads. Wire names are explicit on every property
/// (<c>[JsonPropertyName]</c>), so no naming policy is involved. Nullable annotations are enforced, so a
/// <c>null</c> where the type says non-null is a type error rather than a latent <see cref="NullReferenceException"/>.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    MaxDepth = WebhookJson.MaxDepth,
    Converters = [typeof(ClassetDateTimeOffsetConverter), typeof(ClassetFiniteDoubleConverter)])]
[JsonSerializable(typeof(ClassetInterviewUpdatedEvent))]
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
[JsonSerializable(typeof(ClassetCallCompletedEvent))]
#pragma warning restore CS0618
internal sealed partial class ClassetJsonContext : JsonSerializerContext;
