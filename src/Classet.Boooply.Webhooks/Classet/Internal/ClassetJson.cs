using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// The metadata the Classet serializer reads and writes with: <see cref="ClassetJsonContext"/> under
/// <see cref="WebhookJson.CreateOptions"/>. Nullable annotations are enforced, so a <c>null</c> where the type says
/// non-null is a type error rather than a latent <see cref="NullReferenceException"/>.
/// </summary>
internal static class ClassetJson
{
    // A separate class, so the context's generated statics are initialized before these read them.
    private static readonly System.Text.Json.JsonSerializerOptions Options = WebhookJson.CreateOptions(
        ClassetJsonContext.Default, namingPolicy: null, respectNullableAnnotations: true, new ClassetDateTimeOffsetConverter(), new WholeNumberConverter());

    public static JsonTypeInfo<ClassetInterviewUpdatedEvent> InterviewUpdated { get; } = Get<ClassetInterviewUpdatedEvent>();

#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
    public static JsonTypeInfo<ClassetCallCompletedEvent> CallCompleted { get; } = Get<ClassetCallCompletedEvent>();
#pragma warning restore CS0618

    private static JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
