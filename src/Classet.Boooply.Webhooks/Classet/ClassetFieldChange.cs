using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// One entry of <c>changes</c> in a <c>candidate.interview.updated</c> delivery: the field's previous and new value.
/// The values are arbitrary JSON, so they are kept as <see cref="JsonElement"/>; read known fields through
/// <see cref="ClassetInterviewUpdatedEvent"/>'s typed getters, or any field through <see cref="TryGetValues{T}"/>.
/// </summary>
public sealed record ClassetFieldChange : IExtensionDataHolder
{
    private readonly JsonContent _from;
    private readonly JsonContent _to;
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>
    /// Gets the previous value. Its <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Null"/> for a JSON
    /// <c>null</c>, and <see cref="JsonValueKind.Undefined"/> when Classet sent no <c>from</c> at all (nothing is then written back).
    /// </summary>
    [JsonPropertyName("from")]
    public JsonElement From
    {
        get => _from.Element;
        init => _from = new JsonContent(value);
    }

    /// <summary>
    /// Gets the new value. Its <see cref="JsonElement.ValueKind"/> is <see cref="JsonValueKind.Null"/> for a JSON
    /// <c>null</c>, and <see cref="JsonValueKind.Undefined"/> when Classet sent no <c>to</c> at all (nothing is then written back).
    /// </summary>
    [JsonPropertyName("to")]
    public JsonElement To
    {
        get => _to.Element;
        init => _to = new JsonContent(value);
    }

    /// <summary>
    /// Gets the members of this object that this version of the SDK does not know. They are kept, and written back by
    /// <see cref="ClassetWebhookSerializer.Serialize"/>, so nothing Classet adds is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData;
        init => _extensionData = ValueDictionary<JsonElement>.From(value);
    }

    /// <summary>Gets or sets the dictionary System.Text.Json fills with unknown members while reading.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionDataSink
    {
        get => _extensionData?.Entries;
        set => _extensionData = ValueDictionary<JsonElement>.Adopt(value);
    }

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

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>ClassetFieldChange { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetFieldChange));
}
