using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The few vendor headers a delivery's handlers may see, copied out of the request (whose collection the host may
/// recycle once it is answered, while an abandoned handler or a stored delivery lives on). Names keep the vendor's
/// documented spelling and are looked up case-insensitively.
/// </summary>
internal sealed class WebhookHeaderSnapshot : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _items;
    private readonly int _count;

    private WebhookHeaderSnapshot(KeyValuePair<string, string>[] items, int count)
    {
        _items = items;
        _count = count;
    }

    public static WebhookHeaderSnapshot Empty { get; } = new([], 0);

    public int Count => _count;

    public IEnumerable<string> Keys => this.Select(static pair => pair.Key);

    public IEnumerable<string> Values => this.Select(static pair => pair.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The header '{key}' was not sent or is not exposed.");

    public static WebhookHeaderSnapshot Capture(in WebhookRequestHeaders headers, string[] names)
    {
        KeyValuePair<string, string>[]? items = null;
        var count = 0;
        foreach (var name in names)
        {
            if (headers.GetValue(name) is { } value)
            {
                items ??= new KeyValuePair<string, string>[names.Length];
                items[count++] = new(name, value);
            }
        }

        return items is null ? Empty : new(items, count);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var index = 0; index < _count; index++)
        {
            if (string.Equals(_items[index].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = _items[index].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var index = 0; index < _count; index++)
        {
            yield return _items[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
