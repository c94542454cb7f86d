using System.Net.Http.Headers;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// The headers of one webhook request, as a lookup by name over the collection the host already has: nothing is
/// copied, and only the few headers the receiver needs are looked up. A small value type.
/// </summary>
/// <remarks>
/// <para>Adapting a host's headers:</para>
/// <list type="bullet">
/// <item>ASP.NET Core (<c>IHeaderDictionary</c>):
/// <c>WebhookRequestHeaders.Create(request.Headers, static (headers, name) => headers[name].ToString())</c>.</item>
/// <item>AWS Lambda (<c>IDictionary&lt;string, string&gt;</c>) or any dictionary or list of name/value pairs:
/// <c>WebhookRequestHeaders.Create(request.Headers)</c>.</item>
/// <item>Azure Functions isolated worker (<c>HttpHeadersCollection</c>) or any <see cref="HttpHeaders"/>:
/// <c>WebhookRequestHeaders.Create(request.Headers)</c>.</item>
/// </list>
/// <para>
/// Names are matched case-insensitively, as HTTP requires, whatever the comparer of the host's collection. A header sent
/// several times reads as its values joined with commas. The instance must only be used while the host's collection
/// is valid (for ASP.NET Core, during the request); receivers copy the vendor headers they hand to handlers.
/// </para>
/// </remarks>
public readonly struct WebhookRequestHeaders
{
    private readonly object? _source;
    private readonly Delegate? _getValue;
    private readonly Func<object, Delegate?, string, string?>? _lookup;

    private WebhookRequestHeaders(object source, Delegate? getValue, Func<object, Delegate?, string, string?> lookup)
    {
        _source = source;
        _getValue = getValue;
        _lookup = lookup;
    }

    /// <summary>Gets an instance without any header (every lookup finds nothing).</summary>
    public static WebhookRequestHeaders None => default;

    /// <summary>
    /// Adapts any header collection through a lookup function. Pass a <see langword="static"/> lambda so that
    /// adapting allocates nothing.
    /// </summary>
    /// <typeparam name="TSource">The host's header collection.</typeparam>
    /// <param name="source">The host's headers.</param>
    /// <param name="getValue">
    /// Returns the value of the header with the given name, or <see langword="null"/> or an empty string when it was
    /// not sent. It must match names case-insensitively.
    /// </param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="getValue"/> is <see langword="null"/>.</exception>
    public static WebhookRequestHeaders Create<TSource>(TSource source, Func<TSource, string, string?> getValue)
        where TSource : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(getValue);
        return new(source, getValue, DelegateLookup<TSource>.Instance);
    }

    /// <summary>
    /// Adapts name/value pairs, such as a Lambda proxy request's <c>IDictionary&lt;string, string&gt;</c>. A dictionary
    /// is asked directly first; when it does not know the name (it may compare case-sensitively), the pairs are searched
    /// case-insensitively.
    /// </summary>
    /// <param name="headers">The headers.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public static WebhookRequestHeaders Create(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(headers, null, static (source, _, name) => GetFromPairs((IEnumerable<KeyValuePair<string, string>>)source, name));
    }

    /// <summary>
    /// Adapts headers with several values each, such as <see cref="HttpHeaders"/> (the Azure Functions isolated worker's
    /// <c>HttpHeadersCollection</c> is one). Several values are joined with commas.
    /// </summary>
    /// <param name="headers">The headers.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public static WebhookRequestHeaders Create(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(headers, null, static (source, _, name) => GetFromMultiValuePairs((IEnumerable<KeyValuePair<string, IEnumerable<string>>>)source, name));
    }

    /// <summary>Looks a header up by name.</summary>
    /// <param name="name">The header name (matched case-insensitively).</param>
    /// <returns>The header's value, or <see langword="null"/> when it was not sent or is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public string? GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_source is null)
        {
            return null;
        }

        var value = _lookup!(_source, _getValue, name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? GetFromPairs(IEnumerable<KeyValuePair<string, string>> headers, string name)
    {
        // Ask a dictionary first (a hit is the common case); its comparer may be case-sensitive, so a miss is searched.
        string? found = null;
        var hit = headers is IReadOnlyDictionary<string, string> readOnly
            ? readOnly.TryGetValue(name, out found)
            : headers is IDictionary<string, string> dictionary && dictionary.TryGetValue(name, out found);
        if (hit)
        {
            return found;
        }

        string? joined = null;
        if (headers is Dictionary<string, string> concrete)
        {
            // The common case (a Lambda request's Dictionary), searched with its struct enumerator: no allocation.
            foreach (var pair in concrete)
            {
                joined = Join(joined, pair, name);
            }
        }
        else
        {
            foreach (var pair in headers)
            {
                joined = Join(joined, pair, name);
            }
        }

        return joined;
    }

    private static string? Join(string? joined, KeyValuePair<string, string> pair, string name) =>
        !string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) ? joined
        : joined is null ? pair.Value
        : string.Concat(joined, ",", pair.Value);

    private static string? GetFromMultiValuePairs(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string name)
    {
        if (headers is HttpHeaders httpHeaders)
        {
            // HttpHeaders compares names case-insensitively, and TryGetValues answers false for a name it cannot hold.
            return httpHeaders.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        }

        string? joined = null;
        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                var value = string.Join(",", pair.Value);
                joined = joined is null ? value : string.Concat(joined, ",", value);
            }
        }

        return joined;
    }

    private static class DelegateLookup<TSource>
        where TSource : class
    {
        public static readonly Func<object, Delegate?, string, string?> Instance =
            static (source, getValue, name) => ((Func<TSource, string, string?>)getValue!)((TSource)source, name);
    }
}
