using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// A <see cref="JsonElement"/> that is equal to another with the same content (numbers by value, object members in
/// any order). <see cref="JsonElement"/>'s own equality compares document references, so a record holding raw JSON
/// keeps it in one of these to have value equality.
/// </summary>
internal readonly struct JsonContent : IEquatable<JsonContent>
{
    /// <summary>Wraps an element, cloned so it does not depend on a document someone else may dispose (free for elements the deserializer made).</summary>
    public JsonContent(JsonElement element) => Element = element.ValueKind == JsonValueKind.Undefined ? element : element.Clone();

    public JsonElement Element { get; }

    public static JsonContent? From(JsonElement? element) => element is { } value ? new JsonContent(value) : null;

    public bool Equals(JsonContent other) => ValueEquality.JsonEquals(Element, other.Element);

    public override bool Equals(object? obj) => obj is JsonContent other && Equals(other);

    public override int GetHashCode() => ValueEquality.JsonHash(Element);
}
