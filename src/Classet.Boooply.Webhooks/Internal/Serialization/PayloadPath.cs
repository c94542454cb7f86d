using System.Text;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// JSON paths for payload errors that never carry text from a body beyond member names that look like identifiers
/// (ASCII letters, digits and <c>_</c>, at most 64): a name is schema, but a key such as a candidate's name in custom
/// data is data, and error messages end up in logs.
/// </summary>
internal static class PayloadPath
{
    /// <summary>Stands for a member name that is not shown.</summary>
    public const string HiddenSegment = "['…']";

    private const int MaxNameLength = 64;

    /// <summary>The path with <paramref name="name"/> appended, or <see cref="HiddenSegment"/> in its place.</summary>
    public static string Append(string path, string name) => IsPlain(name) ? path + "." + name : path + HiddenSegment;

    /// <summary>
    /// Rewrites a path in System.Text.Json's notation (<c>$.a.b[0]['c d']</c>) so that every member name that is not a
    /// plain identifier is hidden. Null or empty gives <c>$</c>.
    /// </summary>
    public static string Sanitize(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return "$";
        }

        var builder = new StringBuilder("$", path.Length);
        var index = 1;
        while (index < path.Length)
        {
            if (path[index] == '.')
            {
                var end = index + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                var name = path.AsSpan(index + 1, end - index - 1);
                builder.Append(IsPlain(name) ? $".{name}" : HiddenSegment);
                index = end;
            }
            else if (path[index] == '[' && index + 1 < path.Length && path[index + 1] == '\'')
            {
                // A quoted name runs to the "']" that closes it; quotes inside are escaped, so search for the pair.
                var close = path.IndexOf("']", index + 2, StringComparison.Ordinal);
                builder.Append(HiddenSegment);
                index = close < 0 ? path.Length : close + 2;
            }
            else if (path[index] == '[')
            {
                var close = path.IndexOf(']', index);
                var inside = close < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(index + 1, close - index - 1);
                builder.Append(IsIndex(inside) ? $"[{inside}]" : HiddenSegment);
                index = close < 0 ? path.Length : close + 1;
            }
            else
            {
                // Not System.Text.Json's notation; show nothing more of it.
                break;
            }
        }

        return builder.ToString();
    }

    private static bool IsPlain(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIndex(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 10)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
