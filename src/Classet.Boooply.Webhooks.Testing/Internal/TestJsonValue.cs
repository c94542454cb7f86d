namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>
/// A parsed JSON value, kept the way JavaScript's <c>JSON.parse</c> and Python's <c>json.loads</c> keep it: strings as
/// UTF-16 (lone surrogates included), numbers as their literal text (each writer decides how its language reads them),
/// and object members in first-seen order with the last value of a repeated key.
/// </summary>
internal sealed class TestJsonValue
{
    private TestJsonValue(TestJsonKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    public static TestJsonValue Null { get; } = new(TestJsonKind.Null, null);

    public static TestJsonValue True { get; } = new(TestJsonKind.True, null);

    public static TestJsonValue False { get; } = new(TestJsonKind.False, null);

    public TestJsonKind Kind { get; }

    /// <summary>Gets the string value, or the number literal.</summary>
    public string? Text { get; }

    public List<TestJsonValue> Items { get; } = [];

    public List<KeyValuePair<string, TestJsonValue>> Properties { get; } = [];

    public static TestJsonValue Object() => new(TestJsonKind.Object, null);

    public static TestJsonValue Array() => new(TestJsonKind.Array, null);

    public static TestJsonValue String(string value) => new(TestJsonKind.String, value);

    public static TestJsonValue Number(string literal) => new(TestJsonKind.Number, literal);

    /// <summary>Returns a member's value, or <see langword="null"/>.</summary>
    public TestJsonValue? Get(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>Sets a member: a repeated key keeps its first position and takes the new value, as both languages do.</summary>
    public void Set(string name, TestJsonValue value)
    {
        for (var index = 0; index < Properties.Count; index++)
        {
            if (string.Equals(Properties[index].Key, name, StringComparison.Ordinal))
            {
                Properties[index] = new(name, value);
                return;
            }
        }

        Properties.Add(new(name, value));
    }

    /// <summary>Removes a member; returns whether it was there.</summary>
    public bool Remove(string name) =>
        Properties.RemoveAll(p => string.Equals(p.Key, name, StringComparison.Ordinal)) > 0;
}
