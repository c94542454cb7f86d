using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Re-serializes a JSON body exactly as the vendors' own code, or code on the way, would: JavaScript's
/// <c>JSON.stringify</c> (what both vendors send and sign), its indented form, and Python's
/// <c>json.dumps(obj, separators=(',', ':'))</c> (what Boooply's Python sample signs). Each output is checked byte for
/// byte against real <c>node</c> and <c>python3</c> in this package's tests.
/// </summary>
public static class WebhookTestJson
{
    /// <summary>Returns <c>JSON.stringify(JSON.parse(body))</c>: compact, the form the vendors send.</summary>
    /// <param name="utf8Json">A JSON document in UTF-8.</param>
    /// <returns>The re-serialized UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is not valid JSON in UTF-8.</exception>
    public static byte[] ToJavaScriptCompact(ReadOnlySpan<byte> utf8Json) =>
        TestJsonWriter.WriteJavaScript(TestJsonParser.Parse(utf8Json, nameof(utf8Json)), indented: false);

    /// <summary>Returns <c>JSON.stringify(JSON.parse(body), null, 2)</c>: the pretty-printed form test tools and logs produce.</summary>
    /// <param name="utf8Json">A JSON document in UTF-8.</param>
    /// <returns>The re-serialized UTF-8 bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is not valid JSON in UTF-8.</exception>
    public static byte[] ToJavaScriptIndented(ReadOnlySpan<byte> utf8Json) =>
        TestJsonWriter.WriteJavaScript(TestJsonParser.Parse(utf8Json, nameof(utf8Json)), indented: true);

    /// <summary>
    /// Returns <c>json.dumps(json.loads(body), separators=(',', ':'))</c>: compact, every character outside printable
    /// ASCII escaped as <c>\uXXXX</c> (surrogate pairs beyond the BMP), <c>/</c> not escaped, integers kept exactly and
    /// other numbers spelled as Python's <c>repr</c> of a float (<c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>).
    /// </summary>
    /// <param name="utf8Json">A JSON document in UTF-8.</param>
    /// <returns>The re-serialized bytes (pure ASCII).</returns>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is not valid JSON in UTF-8.</exception>
    public static byte[] ToPythonCompact(ReadOnlySpan<byte> utf8Json) =>
        TestJsonWriter.WritePython(TestJsonParser.Parse(utf8Json, nameof(utf8Json)));
}
