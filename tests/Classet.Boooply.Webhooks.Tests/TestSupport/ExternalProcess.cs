using System.Diagnostics;
using System.Text;

namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>
/// Runs Node.js or Python as the vendors' own reference code would, so signatures are cross-checked against the
/// real implementations rather than our reading of them. CI checks both tools exist; a missing tool fails the test.
/// </summary>
internal static class ExternalProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs a Node.js script with the given stdin and returns its stdout (trimmed of the final newline).</summary>
    public static string RunNode(string script, byte[] stdin, params string[] args) => Run("node", ["-e", script, "--", .. args], stdin);

    /// <summary>Runs a Python 3 script with the given stdin and returns its stdout.</summary>
    public static string RunPython(string script, byte[] stdin, params string[] args) => Run("python3", ["-c", script, .. args], stdin);

    private static string Run(string fileName, string[] arguments, byte[] stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"'{fileName}' is required for the cross-check tests but is not on PATH. Install it (Node.js 20 / Python 3).", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {Timeout.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result.TrimEnd('\n', '\r');
        }
    }
}
