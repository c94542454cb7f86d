namespace Classet.Boooply.Webhooks.Internal;

/// <summary>The kinds of value a parsed JSON body holds, as both vendors' runtimes distinguish them.</summary>
internal enum CanonicalJsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}
