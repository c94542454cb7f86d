using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// Runs the vendors' reference runtimes (Node 20 and CPython 3) as child processes, so our canonical bytes are
/// compared with theirs rather than with our own idea of them. Bodies travel base64-encoded, one per line, through a
/// temp file, so no shell quoting or console encoding can touch them. A missing runtime fails the test: CI installs
/// both, and a skipped comparison would hide exactly the regressions these tests exist for.
/// </summary>
internal static class ReferenceRuntimes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<(string Body, string Secret), NodeSignature> NodeSignatures = new();
    private static readonly ConcurrentDictionary<(string Body, string Secret), PythonSignature> PythonSignatures = new();

    private const string NodeCanonicalScript = """
        const fs = require('fs');
        const out = [];
        for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
          if (!line) continue;
          const text = Buffer.from(line, 'base64').toString('utf8');
          try { out.push(Buffer.from(JSON.stringify(JSON.parse(text)), 'utf8').toString('base64')); }
          catch (e) { out.push('!' + e.name); }
        }
        process.stdout.write(out.join('\n') + '\n');
        """;

    private const string PythonCanonicalScript = """
        import base64, json, sys
        out = []
        for line in open(sys.argv[1], encoding='ascii').read().split('\n'):
            if not line:
                continue
            text = base64.b64decode(line).decode('utf-8')
            try:
                out.append(base64.b64encode(json.dumps(json.loads(text), separators=(',', ':')).encode()).decode())
            except Exception as e:
                out.append('!' + type(e).__name__)
        sys.stdout.write('\n'.join(out) + '\n')
        """;

    // Exactly the vendors' documented signing: HMAC-SHA256 over JSON.stringify(obj), hex (Boooply) or base64url (Classet).
    private const string NodeSignScript = """
        const fs = require('fs');
        const crypto = require('crypto');
        const text = Buffer.from(fs.readFileSync(process.argv[2], 'utf8').trim(), 'base64').toString('utf8');
        const secret = process.argv[3];
        const obj = JSON.parse(text);
        const payload = JSON.stringify(obj);
        const b64 = s => Buffer.from(s, 'utf8').toString('base64');
        process.stdout.write(JSON.stringify({
          canonical: b64(payload),
          hex: crypto.createHmac('sha256', secret).update(JSON.stringify(obj)).digest('hex'),
          base64url: crypto.createHmac('sha256', secret).update(payload, 'utf8').digest('base64url'),
          pretty: b64(JSON.stringify(obj, null, 2)),
          prettyTabs: b64(JSON.stringify(obj, null, '\t')),
        }));
        """;

    // Boooply's documented Python receiver: hmac.new(secret.encode(), json.dumps(payload, separators=(',', ':')).encode(), sha256).
    private const string PythonSignScript = """
        import base64, hashlib, hmac, json, sys
        text = base64.b64decode(open(sys.argv[1], encoding='ascii').read().strip()).decode('utf-8')
        secret = sys.argv[2]
        payload = json.loads(text)
        signed = json.dumps(payload, separators=(',', ':')).encode()
        sys.stdout.write(json.dumps({
            'canonical': base64.b64encode(signed).decode(),
            'hex': hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest(),
        }))
        """;

    /// <summary>JSON.stringify(JSON.parse(body)) for each body, as UTF-8; null where JSON.parse throws.</summary>
    public static IReadOnlyList<byte[]?> JavaScriptCanonical(IReadOnlyList<byte[]> bodies) =>
        RunBatch("node", NodeCanonicalScript, ".js", bodies);

    /// <summary>json.dumps(json.loads(body), separators=(',', ':')).encode() for each body; null where Python raises.</summary>
    public static IReadOnlyList<byte[]?> PythonCanonical(IReadOnlyList<byte[]> bodies) =>
        RunBatch("python3", PythonCanonicalScript, ".py", bodies);

    /// <summary>Signs a body the way both vendors' Node code does.</summary>
    public static NodeSignature SignWithNode(string body, string secret) =>
        NodeSignatures.GetOrAdd((body, secret), static key =>
        {
            using var json = JsonDocument.Parse(RunScript("node", NodeSignScript, ".js", Base64(key.Body), key.Secret));
            var root = json.RootElement;
            return new NodeSignature(
                Convert.FromBase64String(root.GetProperty("canonical").GetString()!),
                root.GetProperty("hex").GetString()!,
                root.GetProperty("base64url").GetString()!,
                Convert.FromBase64String(root.GetProperty("pretty").GetString()!),
                Convert.FromBase64String(root.GetProperty("prettyTabs").GetString()!));
        });

    /// <summary>Signs a body the way Boooply's Python sample does.</summary>
    public static PythonSignature SignWithPython(string body, string secret) =>
        PythonSignatures.GetOrAdd((body, secret), static key =>
        {
            using var json = JsonDocument.Parse(RunScript("python3", PythonSignScript, ".py", Base64(key.Body), key.Secret));
            var root = json.RootElement;
            return new PythonSignature(
                Convert.FromBase64String(root.GetProperty("canonical").GetString()!),
                root.GetProperty("hex").GetString()!);
        });

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static IReadOnlyList<byte[]?> RunBatch(string runtime, string script, string extension, IReadOnlyList<byte[]> bodies)
    {
        var input = string.Join('\n', bodies.Select(Convert.ToBase64String)) + "\n";
        var output = RunScript(runtime, script, extension, input);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != bodies.Count)
        {
            throw new InvalidOperationException($"{runtime} answered {lines.Length} lines for {bodies.Count} bodies:\n{output}");
        }

        return lines.Select(line => line.StartsWith('!') ? null : Convert.FromBase64String(line)).ToArray();
    }

    private static string RunScript(string runtime, string script, string extension, string input, params string[] extraArguments)
    {
        var directory = Directory.CreateTempSubdirectory("canonical-json-");
        try
        {
            var scriptPath = Path.Combine(directory.FullName, "script" + extension);
            var inputPath = Path.Combine(directory.FullName, "input.txt");
            File.WriteAllText(scriptPath, script);
            File.WriteAllText(inputPath, input);

            var start = new ProcessStartInfo(runtime)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(scriptPath);
            start.ArgumentList.Add(inputPath);
            foreach (var argument in extraArguments)
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {runtime}.");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"'{runtime}' is not on PATH. The canonical-JSON tests compare our bytes with the real reference runtimes " +
                    "(node 20 and python3) and must not be skipped; install them (CI checks they exist).", e);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(Timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"{runtime} did not finish within {Timeout.TotalSeconds} s.");
                }

                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{runtime} exited with {process.ExitCode}: {stderr.Result}");
                }

                return stdout.Result;
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
