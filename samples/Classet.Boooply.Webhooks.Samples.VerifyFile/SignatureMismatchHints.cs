namespace Classet.Boooply.Webhooks.Samples.VerifyFile;

/// <summary>Explains the usual causes of a signature mismatch, judged from the body file and the secrets.</summary>
internal static class SignatureMismatchHints
{
    public static void Write(byte[] body, List<string> secrets, bool boooply, TextWriter output)
    {
        output.WriteLine("Common causes:");
        if (body.Length > 0 && body[^1] is (byte)'\n' or (byte)'\r')
        {
            output.WriteLine("  - The file ends with a line break. The vendors sign compact JSON with none: did an editor or 'echo' add it?");
        }
        else if (!WebhookJsonDiagnostics.IsCompactCanonicalJson(body))
        {
            output.WriteLine("  - The body is not the compact JSON the vendor sends (JSON.stringify output): it was pretty-printed,");
            output.WriteLine("    re-serialized or re-encoded after it was signed. Save the exact bytes received, or try --canonical");
            output.WriteLine("    if a proxy on the way reformats JSON.");
        }

        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            output.WriteLine("  - The file starts with a UTF-8 byte order mark, which the vendor never sends.");
        }

        if (boooply && secrets.Exists(s => !s.StartsWith("whsec_", StringComparison.Ordinal)))
        {
            output.WriteLine("  - A secret does not start with 'whsec_'. Boooply keys the HMAC with the whole secret, prefix included.");
        }

        output.WriteLine("  - The secret is not the one configured at the vendor for this endpoint (or it was rotated).");
        output.WriteLine("  - The signature was copied from another delivery, or from the other vendor's header.");
    }
}
