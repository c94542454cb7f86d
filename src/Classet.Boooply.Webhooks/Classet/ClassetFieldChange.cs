using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// One entry of <c>changes</c> in a <c>candidate.interview.updated</c> delivery: the field's previous and new value.
/// The values are arbitrary JSON, so they are kept as <see cref="JsonElement"/>; read known fields through
/// <see cref="ClassetInterviewUpdatedEvent"/>'s typed getters, or any field through <see cref="TryGetValues{T}"/>.
/// </summary>
public sealed record ClassetFieldChange
{
    /// <summary>
    /// Gets the previous value. Its <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Null"/> for a JSON
    /// <c>null</c>, and <see cref="JsonValueKind.Undefined"/> when Classet sent no <c>from</c> at all (nothing is then written back).
    /// </summary>
    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement From { get; init; }

    /// <summary>
    /// Gets the new value. Its <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Null"/> for a JSON
    /// <c>null</c>, and <see cref="JsonValueKind.Undefined"/> when Classet sent no <c>to</c> at all (nothing is then written back).
    /// </summary>
    [JsonPropertyName("to")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement To { get; init; }

    /// <summary>Gets the properties of this object that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Reads both values as <typeparamref name="T"/> without throwing.</summary>
    /// <typeparam name="T">The type to read. Use a nullable type when a value can be <c>null</c>.</typeparam>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/> (for example from your own <c>JsonSerializerContext</c>).</param>
    /// <param name="change">Both values; a missing value is <c>default</c>.</param>
    /// <returns><see langword="true"/> when both values (if present) could be read as <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    public bool TryGetValues<T>(JsonTypeInfo<T> typeInfo, out ClassetChange<T?> change)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (TryRead(From, typeInfo, out var from) && TryRead(To, typeInfo, out var to))
        {
            change = new ClassetChange<T?>(from, to);
            return true;
        }

        change = default;
        return false;
    }

    private static bool TryRead<T>(JsonElement element, JsonTypeInfo<T> typeInfo, [MaybeNull] out T value)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            value = default;
            return true;
        }

        try
        {
            value = element.Deserialize(typeInfo);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException)
        {
            value = default;
            return false;
        }
    }
}
