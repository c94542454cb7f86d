using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// An immutable string-keyed dictionary that is equal to another when both hold the same keys with equal values (in
/// any order). Payload records keep their maps and unknown fields in one, so two records read from the same JSON are
/// equal. Enumeration follows insertion order, which is the order the JSON had.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class ValueDictionary<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueDictionary<TValue>>, IValueDictionary
{
    private readonly Dictionary<string, TValue> _entries;

    private ValueDictionary(Dictionary<string, TValue> entries) => _entries = entries;

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<TValue> Values => _entries.Values;

    /// <summary>Gets the dictionary the deserializer fills (see <see cref="Adopt"/>).</summary>
    internal Dictionary<string, TValue> Entries => _entries;

    public TValue this[string key] => _entries[key];

    /// <summary>Returns <paramref name="entries"/> as a value dictionary: the same instance when it is one, otherwise a copy.</summary>
    public static ValueDictionary<TValue>? From(IReadOnlyDictionary<string, TValue>? entries)
    {
        switch (entries)
        {
            case null:
                return null;
            case ValueDictionary<TValue> dictionary:
                return dictionary;
            default:
                var copy = new Dictionary<string, TValue>(entries.Count, StringComparer.Ordinal);
                foreach (var (key, value) in entries)
                {
                    copy.Add(key, value);
                }

                return new ValueDictionary<TValue>(copy);
        }
    }

    /// <summary>
    /// Wraps the dictionary System.Text.Json creates for <c>[JsonExtensionData]</c> without copying it: the
    /// deserializer may add entries after handing it over, and nothing else holds a reference to it.
    /// </summary>
    public static ValueDictionary<TValue>? Adopt(IDictionary<string, TValue>? entries) => entries switch
    {
        null => null,
        Dictionary<string, TValue> dictionary when ReferenceEquals(dictionary.Comparer, StringComparer.Ordinal) || dictionary.Comparer == EqualityComparer<string>.Default
            => new ValueDictionary<TValue>(dictionary),
        _ => From(new Dictionary<string, TValue>(entries, StringComparer.Ordinal)),
    };

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    public bool Equals(ValueDictionary<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var comparer = ValueEquality.Comparer<TValue>();
        foreach (var (key, value) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var theirs) || !comparer.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueDictionary<TValue> other && Equals(other);

    public override int GetHashCode()
    {
        // Order-independent, like the equality.
        var comparer = ValueEquality.Comparer<TValue>();
        var hash = Count;
        foreach (var (key, value) in _entries)
        {
            hash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value is null ? 0 : comparer.GetHashCode(value));
        }

        return hash;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool IValueDictionary.TryGetEntry(string key, out object? value)
    {
        var found = _entries.TryGetValue(key, out var typed);
        value = typed;
        return found;
    }

    IEnumerable<KeyValuePair<string, object?>> IValueDictionary.Entries()
    {
        foreach (var (key, value) in _entries)
        {
            yield return new(key, value);
        }
    }

    public override string ToString() => $"{Count} entr{(Count == 1 ? "y" : "ies")}";
}
