using Classet.Boooply.Webhooks.Internal.Canonical;

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
    /// <summary>
    /// Returns whether <paramref name="utf8Json"/> is spelled exactly as JavaScript's <c>JSON.stringify</c> spells JSON,
    /// meaning that nothing re-serialized the body on the way.
    /// </summary>
    /// <param name="utf8Json">The raw body bytes, as received.</param>
    /// <returns>
    /// <see langword="true"/> when the body is valid UTF-8 and valid JSON, nested at most 64 deep, with no whitespace
    /// outside strings, every string escaped as <c>JSON.stringify</c> escapes it (characters as themselves, <c>\"</c>,
    /// <c>\\</c>, <c>\b \f \n \r \t</c>, other control characters and lone surrogates as lowercase <c>\u</c> escapes),
    /// every number in JavaScript's own spelling of its value (<c>1.5</c>, not <c>1.50</c> or <c>15e-1</c>), and in every
    /// object the integer-like keys (<c>"0"</c> to <c>"4294967294"</c>) first, ascending, before the others. Otherwise
    /// <see langword="false"/>. In short: <c>JSON.stringify(JSON.parse(body))</c> would give the same bytes, except that
    /// duplicate keys (which <c>JSON.parse</c> would merge) are not looked for, since finding them needs memory that grows
    /// with the object; the canonical verification path refuses such bodies anyway.
    /// </returns>
    /// <remarks>
    /// One pass over the bytes, with a fixed amount of stack: it allocates nothing and takes time proportional to the body
    /// (about as long as hashing it), whatever the body's shape or size, so it is safe to call on every rejected delivery.
    /// </remarks>
    public static bool IsCompactCanonicalJson(ReadOnlySpan<byte> utf8Json) => CompactJsonScanner.IsCompactCanonical(utf8Json);
}
