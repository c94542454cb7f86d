using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// Helpers for explaining a signature mismatch in logs, without ever changing what is accepted.
/// </summary>
/// <remarks>
/// Both vendors' own sample receivers verify over <c>JSON.stringify(payload)</c>, so we infer that they send that same
/// compact text (neither vendor's page shows the bytes it sends). When a delivery fails the raw-body
/// check, knowing whether the body still is in that compact form tells "wrong secret or forged" apart from "something on
/// the way (a proxy, a framework, a test tool) reformatted the JSON", which is what canonical-JSON verification is for.
/// </remarks>
public static class WebhookJsonDiagnostics
{
    private const int MaxBodyLength = 256 * 1024 * 1024;

    /// <summary>
    /// Returns whether <paramref name="utf8Json"/> is byte for byte what JavaScript's
    /// <c>JSON.stringify(JSON.parse(body))</c> would produce from it, meaning the body was not reformatted on the way.
    /// </summary>
    /// <param name="utf8Json">The raw body bytes, as received.</param>
    /// <returns>
    /// <see langword="true"/> when the body is compact canonical JSON; <see langword="false"/> when re-serializing it
    /// would change a byte (whitespace, key order, number spelling, escapes), or when it is not valid UTF-8 or JSON,
    /// has duplicate keys, has a number that does not survive the round trip through a double, nests deeper than 64, or
    /// is larger than 256 MiB.
    /// </returns>
    /// <exception cref="OutOfMemoryException">Only when the process cannot allocate; no body content throws.</exception>
    public static bool IsCompactCanonicalJson(ReadOnlySpan<byte> utf8Json)
    {
        // Far beyond any webhook; keeps the re-serialization within one array.
        if (utf8Json.Length > MaxBodyLength)
        {
            return false;
        }

        var root = CanonicalJsonParser.TryParse(utf8Json);
        if (root is null)
        {
            return false;
        }

        using var output = new PooledByteWriter(utf8Json.Length);
        JavaScriptJsonWriter.Write(root, output);
        return output.WrittenSpan.SequenceEqual(utf8Json);
    }
}
