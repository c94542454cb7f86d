namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>The untyped view of a <see cref="ValueDictionary{TValue}"/> the writer walks.</summary>
internal interface IValueDictionary
{
    bool TryGetEntry(string key, out object? value);

    IEnumerable<KeyValuePair<string, object?>> Entries();
}
