using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>The metadata the Boooply serializer reads and writes with: <see cref="BoooplyJsonContext"/> under <see cref="WebhookJson.CreateOptions"/>.</summary>
internal static class BoooplyJson
{
    // A separate class, so the context's generated statics are initialized before these read them.
    private static readonly JsonSerializerOptions Options = WebhookJson.CreateOptions(
        BoooplyJsonContext.Default, JsonNamingPolicy.CamelCase, respectNullableAnnotations: false, new BoooplyTimestampConverter(), new WholeNumberConverter());

    public static JsonTypeInfo<BoooplyEnvelope<BoooplyTranscriptData>> Transcript { get; } = Get<BoooplyEnvelope<BoooplyTranscriptData>>();

    public static JsonTypeInfo<BoooplyEnvelope<BoooplyEvaluationData>> Evaluation { get; } = Get<BoooplyEnvelope<BoooplyEvaluationData>>();

    public static JsonTypeInfo<BoooplyEnvelope<BoooplyScoresData>> Scores { get; } = Get<BoooplyEnvelope<BoooplyScoresData>>();

    public static JsonTypeInfo<BoooplyEnvelope<BoooplyRecordingData>> Recording { get; } = Get<BoooplyEnvelope<BoooplyRecordingData>>();

    private static JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
