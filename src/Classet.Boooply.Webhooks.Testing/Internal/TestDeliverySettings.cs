namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>Everything a test delivery is built from; each <c>With…</c> method of a delivery copies and changes it.</summary>
/// <param name="SignedBody">The bytes the vendor signs: the compact form of an event, or raw bytes given as they are.</param>
/// <param name="FromEvent">Whether <paramref name="SignedBody"/> was serialized from an event (so it may be edited as JSON).</param>
/// <param name="Secret">The secret configured at the vendor.</param>
/// <param name="SignWithWrongSecret">Whether a different secret signs the delivery (a forgery).</param>
/// <param name="Unsigned">Whether the signature header is left out.</param>
/// <param name="Format">How the body sent relates to the signed body.</param>
/// <param name="HeaderChanges">Headers set (a value) or removed (<see langword="null"/>) after the vendor's own, in order.</param>
internal sealed record TestDeliverySettings(
    byte[] SignedBody,
    bool FromEvent,
    string Secret,
    bool SignWithWrongSecret,
    bool Unsigned,
    TestBodyFormat Format,
    IReadOnlyList<KeyValuePair<string, string?>> HeaderChanges)
{
    /// <summary>A secret that is not the configured one, with the vendor's prefix where it has one.</summary>
    public string EffectiveSecret(string wrongSecret) =>
        !SignWithWrongSecret ? Secret : string.Equals(wrongSecret, Secret, StringComparison.Ordinal) ? wrongSecret + "-2" : wrongSecret;

    /// <summary>The body as sent.</summary>
    public byte[] SentBody() => Format switch
    {
        TestBodyFormat.Indented => WebhookTestJson.ToJavaScriptIndented(SignedBody),
        TestBodyFormat.Python => WebhookTestJson.ToPythonCompact(SignedBody),
        _ => SignedBody,
    };

    /// <summary>A copy sent in another format; checked at once, so a body that is not JSON fails here, not when sent.</summary>
    /// <exception cref="InvalidOperationException">The body is not JSON.</exception>
    public TestDeliverySettings Reformatted(TestBodyFormat format)
    {
        var changed = this with { Format = format };
        try
        {
            changed.SentBody();
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException("The body is not JSON, so it cannot be re-serialized.", exception);
        }

        return changed;
    }

    public TestDeliverySettings WithHeader(string name, string? value) =>
        this with { HeaderChanges = [.. HeaderChanges, new(name, value)] };

    /// <summary>Applies <see cref="HeaderChanges"/> to the vendor's headers.</summary>
    public List<KeyValuePair<string, string>> ApplyHeaderChanges(List<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in HeaderChanges)
        {
            var index = headers.FindIndex(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                if (index >= 0)
                {
                    headers.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                headers[index] = new(name, value);
            }
            else
            {
                headers.Add(new(name, value));
            }
        }

        return headers;
    }
}
