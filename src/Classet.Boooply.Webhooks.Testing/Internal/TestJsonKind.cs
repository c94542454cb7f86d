namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>The kinds of JSON value the re-serializers distinguish.</summary>
internal enum TestJsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
