using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>What a user would write to read custom data and changes with the typed getters, AOT-safe.</summary>
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ClassetTestCustomData))]
internal sealed partial class ClassetTestJsonContext : JsonSerializerContext;

internal sealed record ClassetTestCustomData(
    [property: JsonPropertyName("can_lift_50lbs")] bool CanLift50Lbs,
    [property: JsonPropertyName("eligible_to_work")] bool EligibleToWork);
