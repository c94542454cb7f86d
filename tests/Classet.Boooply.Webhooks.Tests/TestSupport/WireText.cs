using System.Text;

namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>JSON text helpers written independently of the library, so they can check it.</summary>
internal static class WireText
{
    /// <summary>The text without the whitespace between tokens; every token, escapes included, stays as written.</summary>
    public static string Minify(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        for (var index = 0; index < json.Length; index++)
        {
            var c = json[index];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++index]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
