namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// One parsed JSON value, holding just what the canonical writers need. Strings are kept as UTF-16 code units
/// (a .NET string) because both JavaScript and Python keep lone surrogates from <c>\ud800</c> escapes, and both
/// writers must print them back.
/// </summary>
internal sealed class CanonicalJsonValue
{
    public static readonly CanonicalJsonValue Null = new(CanonicalJsonKind.Null);
    public static readonly CanonicalJsonValue False = new(CanonicalJsonKind.False);
    public static readonly CanonicalJsonValue True = new(CanonicalJsonKind.True);

    private CanonicalJsonValue(CanonicalJsonKind kind)
    {
        Kind = kind;
    }

    public CanonicalJsonKind Kind { get; }

    /// <summary>The decoded text of a string value.</summary>
    public string? Text { get; private init; }

    /// <summary>The number's value, already checked to survive the round trip through a double.</summary>
    public CanonicalJsonNumber? Number { get; private init; }

    public List<CanonicalJsonValue>? Items { get; private init; }

    /// <summary>Object members in the order they appeared in the body (Python's order; JavaScript reorders on write).</summary>
    public List<KeyValuePair<string, CanonicalJsonValue>>? Members { get; private init; }

    public static CanonicalJsonValue FromString(string text) => new(CanonicalJsonKind.String) { Text = text };

    public static CanonicalJsonValue FromNumber(CanonicalJsonNumber number) => new(CanonicalJsonKind.Number) { Number = number };

    public static CanonicalJsonValue FromItems(List<CanonicalJsonValue> items) => new(CanonicalJsonKind.Array) { Items = items };

    public static CanonicalJsonValue FromMembers(List<KeyValuePair<string, CanonicalJsonValue>> members) =>
        new(CanonicalJsonKind.Object) { Members = members };
}
