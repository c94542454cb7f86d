using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>The equality payload values use: by content for <see cref="JsonElement"/>, the default otherwise.</summary>
internal static class ValueEquality
{
    public static IEqualityComparer<T> Comparer<T>() =>
        typeof(T) == typeof(JsonElement) ? (IEqualityComparer<T>)(object)JsonElementComparer.Instance : EqualityComparer<T>.Default;

    /// <summary>Compares two JSON values by content (numbers by value, objects in any order).</summary>
    public static bool JsonEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind == JsonValueKind.Undefined || right.ValueKind == JsonValueKind.Undefined)
        {
            return left.ValueKind == right.ValueKind;
        }

        return JsonElement.DeepEquals(left, right);
    }

    /// <summary>A hash consistent with <see cref="JsonEquals"/>: coarse (the kind, and an array's length), never wrong.</summary>
    public static int JsonHash(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? HashCode.Combine(JsonValueKind.Array, element.GetArrayLength())
        : element.ValueKind.GetHashCode();

    private sealed class JsonElementComparer : IEqualityComparer<JsonElement>
    {
        public static readonly JsonElementComparer Instance = new();

        public bool Equals(JsonElement x, JsonElement y) => JsonEquals(x, y);

        public int GetHashCode(JsonElement obj) => JsonHash(obj);
    }
}
