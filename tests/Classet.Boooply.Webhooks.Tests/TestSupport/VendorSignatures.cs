namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>
/// The vendors' documented signing code, run for real. Each script reads the JSON body from stdin, parses it, and
/// signs <c>JSON.stringify(payload)</c> (or Python's <c>json.dumps(payload, separators=(',', ':'))</c>) exactly as the
/// vendor pages show; it prints the signed body (as JSON-escaped text, one line) and the signature.
/// </summary>
internal static class VendorSignatures
{
    private const string NodeClasset = """
        const crypto = require('crypto');
        const input = require('fs').readFileSync(0, 'utf8');
        const payload = JSON.stringify(JSON.parse(input));
        const sig = crypto.createHmac('sha256', process.argv[1]).update(payload, 'utf8').digest('base64url');
        process.stdout.write(Buffer.from(payload, 'utf8').toString('base64') + '\n' + sig);
        """;

    private const string NodeBoooply = """
        const crypto = require('crypto');
        const input = require('fs').readFileSync(0, 'utf8');
        const payload = JSON.stringify(JSON.parse(input));
        const sig = crypto.createHmac('sha256', process.argv[1]).update(payload).digest('hex');
        process.stdout.write(Buffer.from(payload, 'utf8').toString('base64') + '\n' + sig);
        """;

    private const string PythonBoooply = """
        import hmac, hashlib, json, sys, base64
        payload = json.loads(sys.stdin.buffer.read().decode('utf-8'))
        body = json.dumps(payload, separators=(',', ':')).encode()
        sig = hmac.new(sys.argv[1].encode(), body, hashlib.sha256).hexdigest()
        sys.stdout.write(base64.b64encode(body).decode() + '\n' + sig)
        """;

    /// <summary>Classet's Node snippet: returns the exact bytes it signed and the header value.</summary>
    public static (byte[] Body, string Signature) ClassetNode(byte[] json, string secret) => Split(ExternalProcess.RunNode(NodeClasset, json, secret));

    /// <summary>Boooply's Node snippet.</summary>
    public static (byte[] Body, string Signature) BoooplyNode(byte[] json, string secret) => Split(ExternalProcess.RunNode(NodeBoooply, json, secret));

    /// <summary>Boooply's Python snippet.</summary>
    public static (byte[] Body, string Signature) BoooplyPython(byte[] json, string secret) => Split(ExternalProcess.RunPython(PythonBoooply, json, secret));

    private static (byte[] Body, string Signature) Split(string output)
    {
        var lines = output.Split('\n');
        return (Convert.FromBase64String(lines[0]), lines[1].Trim());
    }
}
