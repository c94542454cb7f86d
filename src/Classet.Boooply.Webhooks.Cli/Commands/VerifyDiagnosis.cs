using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>
/// Explains why a captured delivery does not verify, by verifying variants of it: the canonical JSON forms, the body
/// without a trailing line break or byte order mark, the secret with or without Boooply's <c>whsec_</c> prefix, the
/// other vendor's scheme. A variant that verifies proves the cause. Findings name secrets by position, never by value.
/// </summary>
internal static class VerifyDiagnosis
{
    private const string BoooplyPrefix = "whsec_";

    public static List<VerifyFinding> Diagnose(string vendor, byte[] body, string signature, IReadOnlyList<string> secrets, bool canonicalAllowed)
    {
        var findings = new List<VerifyFinding>();
        var boooply = vendor == WebhookVendorNames.Boooply;

        if (!canonicalAllowed && Verify(vendor, body, signature, secrets, canonical: true) is { IsVerified: true } canonical)
        {
            findings.Add(new("reformatted", true, canonical.Method == WebhookVerificationMethod.CanonicalPython
                ? "The signature matches the body re-serialized as Python's json.dumps(obj, separators=(',', ':')): the body was reformatted after it was signed. Keep the exact bytes received; if something you cannot change reformats JSON on the way, set AllowCanonicalJsonSignatures (or pass --canonical here)."
                : "The signature matches the body re-serialized as JSON.stringify(JSON.parse(body)): the body was reformatted after it was signed (pretty-printed, re-spaced or re-escaped). Keep the exact bytes received; if something you cannot change reformats JSON on the way, set AllowCanonicalJsonSignatures (or pass --canonical here)."));
        }

        if (body.Length > 0 && body[^1] is (byte)'\n' or (byte)'\r')
        {
            var trimmed = body.AsSpan().TrimEnd("\r\n"u8).ToArray();
            findings.Add(Verify(vendor, trimmed, signature, secrets, canonicalAllowed).IsVerified
                ? new("trailing-line-break", true, "The body verifies without its trailing line break: an editor, echo or a log added it. The vendors send none; save the exact bytes.")
                : new("trailing-line-break", false, "The body ends with a line break, which the vendors never send: did an editor or echo add it?"));
        }

        if (body.AsSpan().StartsWith("\xEF\xBB\xBF"u8))
        {
            findings.Add(Verify(vendor, body[3..], signature, secrets, canonicalAllowed).IsVerified
                ? new("byte-order-mark", true, "The body verifies without its UTF-8 byte order mark, which the vendors never send: the file was saved by an editor.")
                : new("byte-order-mark", false, "The body starts with a UTF-8 byte order mark, which the vendors never send."));
        }

        if (boooply)
        {
            AddPrefixFindings(body, signature, secrets, canonicalAllowed, findings);
        }
        else if (secrets.Any(s => s.StartsWith(BoooplyPrefix, StringComparison.Ordinal)))
        {
            findings.Add(new("boooply-secret", false, $"A secret starts with {BoooplyPrefix}, as Boooply's do; Classet's secret comes from Classet's Developer Settings."));
        }

        var other = boooply ? WebhookVendorNames.Classet : WebhookVendorNames.Boooply;
        if (Verify(other, body, signature, secrets, canonicalAllowed).IsVerified)
        {
            findings.Add(new("other-vendor", true, $"The signature is {other}'s scheme over this body with this secret: this is a {other} delivery (check --vendor, and that it was posted to the {other} endpoint)."));
        }
        else if (Verify(vendor, body, signature, secrets, canonicalAllowed).Status == WebhookVerificationStatus.MalformedSignature)
        {
            findings.Add(new("signature-format", false, boooply
                ? $"Boooply's X-Boooply-Signature is 64 hex characters; this one is {signature.Length} characters long or not all hex. Was it copied from another header (Classet's is base64url)?"
                : $"Classet's x-classet-webhook-signature is base64url (43 characters, no padding); this one is {signature.Length} characters long or does not decode. Was it copied from another header (Boooply's is hex)?"));
        }

        if (!findings.Exists(f => f.Certain))
        {
            findings.Add(WebhookJsonDiagnostics.IsCompactCanonicalJson(body)
                ? new("secret-or-signature", false, "The body is the compact JSON the vendors send, so it was probably not changed: most likely the secret is not the one configured at the vendor for this endpoint (or it was rotated), or the signature belongs to another delivery.")
                : new("not-compact", false, "The body is not the compact JSON the vendors send (JSON.stringify output), and no re-serialization of it matches: it was changed after signing in a way that changed its content, or it is not the body that was received. Save the exact bytes (curl --data-binary, a raw-body log)."));
        }

        return findings;
    }

    public static WebhookVerificationResult Verify(string vendor, byte[] body, string signature, IReadOnlyList<string> secrets, bool canonical)
    {
        if (vendor == WebhookVendorNames.Boooply)
        {
            var options = new BoooplyWebhookOptions { AllowCanonicalJsonSignatures = canonical };
            foreach (var secret in secrets)
            {
                options.SigningSecrets.Add(secret);
            }

            return new BoooplyWebhookVerifier(options).Verify(body, signature);
        }

        var classetOptions = new ClassetWebhookOptions { AllowCanonicalJsonSignatures = canonical };
        foreach (var secret in secrets)
        {
            classetOptions.SigningSecrets.Add(secret);
        }

        return new ClassetWebhookVerifier(classetOptions).Verify(body, signature);
    }

    private static void AddPrefixFindings(byte[] body, string signature, IReadOnlyList<string> secrets, bool canonicalAllowed, List<VerifyFinding> findings)
    {
        for (var index = 0; index < secrets.Count; index++)
        {
            var secret = secrets[index];
            if (!secret.StartsWith(BoooplyPrefix, StringComparison.Ordinal))
            {
                findings.Add(Verify(WebhookVendorNames.Boooply, body, signature, [BoooplyPrefix + secret], canonicalAllowed).IsVerified
                    ? new("secret-prefix-missing", true, $"Secret #{index} verifies with '{BoooplyPrefix}' in front of it: Boooply keys the HMAC with the whole secret, prefix included. Configure it exactly as the dashboard shows it.")
                    : new("secret-prefix-missing", false, $"Secret #{index} does not start with '{BoooplyPrefix}'. Boooply's secrets do, and the prefix is part of the HMAC key."));
            }
            else if (secret.Length > BoooplyPrefix.Length
                && Verify(WebhookVendorNames.Boooply, body, signature, [secret[BoooplyPrefix.Length..]], canonicalAllowed).IsVerified)
            {
                findings.Add(new("secret-prefix-stripped", true, $"The signature was made with secret #{index} minus its '{BoooplyPrefix}' prefix. Boooply keys the HMAC with the whole secret (nothing is stripped or base64-decoded, unlike Svix): whatever signed this does not sign as Boooply does."));
            }
        }
    }
}
