using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Classet.Boooply.Webhooks.Testing.Tests.TestSupport;

/// <summary>
/// Re-serializes bodies with the real runtimes: node's JSON.stringify (compact and indented) and python3's json.dumps
/// with compact separators. Bodies travel base64-encoded, one per line, through a file, so no shell or console encoding
/// touches them. A missing runtime fails the test (CI checks both exist).
/// </summary>
internal static class ReferenceJson
{
    private const string NodeScript = """
        const fs = require('fs');
        const out = [];
        for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
          if (!line) continue;
          const value = JSON.parse(Buffer.from(line, 'base64').toString('utf8'));
          const text = process.argv[3] === 'indented' ? JSON.stringify(value, null, 2) : JSON.stringify(value);
          out.push(Buffer.from(text, 'utf8').toString('base64'));
        }
        process.stdout.write(out.join('\n') + '\n');
        """;

    private const string PythonScript = """
        import base64, json, sys
        out = []
        for line in open(sys.argv[1], encoding='ascii').read().split('\n'):
            if not line:
                continue
            text = base64.b64decode(line).decode('utf-8')
            out.append(base64.b64encode(json.dumps(json.loads(text), separators=(',', ':')).encode()).decode())
        sys.stdout.write('\n'.join(out) + '\n')
        """;

    public static IReadOnlyList<byte[]> JavaScript(IReadOnlyList<byte[]> bodies, bool indented) =>
        Run("node", NodeScript, ".js", bodies, indented ? "indented" : "compact");

    public static IReadOnlyList<byte[]> Python(IReadOnlyList<byte[]> bodies) => Run("python3", PythonScript, ".py", bodies, null);

    private static IReadOnlyList<byte[]> Run(string runtime, string script, string extension, IReadOnlyList<byte[]> bodies, string? mode)
    {
        var directory = Directory.CreateTempSubdirectory("testing-json-");
        try
        {
            var scriptPath = Path.Combine(directory.FullName, "script" + extension);
            var inputPath = Path.Combine(directory.FullName, "input.txt");
            File.WriteAllText(scriptPath, script);
            File.WriteAllText(inputPath, string.Join('\n', bodies.Select(Convert.ToBase64String)) + "\n");
            var start = new ProcessStartInfo(runtime)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(scriptPath);
            start.ArgumentList.Add(inputPath);
            if (mode is not null)
            {
                start.ArgumentList.Add(mode);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception exception)
            {
                throw new InvalidOperationException($"'{runtime}' is not on PATH; these tests compare with the real runtime and must not be skipped.", exception);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"{runtime} did not finish within 60 s.");
                }

                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{runtime} exited with {process.ExitCode}: {stderr.Result}");
                }

                var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                lines.Should().HaveCount(bodies.Count);
                return lines.Select(Convert.FromBase64String).ToArray();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
