using System.Diagnostics;
using System.Globalization;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>One app instance in a child process (the TestHost project, run as <c>dotnet &lt;dll&gt;</c>) dispatching from a shared schema.</summary>
internal sealed class InstanceProcess : IDisposable
{
    private readonly Process _process;

    private InstanceProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public string LogFile { get; }

    /// <summary>The TestHost's dll in its own output folder (net10.0 in both test legs), from the test assembly's metadata.</summary>
    public static string HostPath { get; } = typeof(InstanceProcess).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TestHostPath").Value!;

    public int Id => _process.Id;

    public static async Task<InstanceProcess> StartAsync(string connectionString, string schema, string logFile, double leaseSeconds, int maxConcurrency, int handlerMilliseconds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostPath);
        foreach (var argument in new[] { connectionString, schema, logFile, leaseSeconds.ToString(CultureInfo.InvariantCulture), maxConcurrency.ToString(CultureInfo.InvariantCulture), handlerMilliseconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var instance = new InstanceProcess(process, logFile);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : string.Empty;
            instance.Kill();
            throw new InvalidOperationException($"The instance process did not start: {line} {error}");
        }

        _ = process.StandardError.ReadToEndAsync();
        return instance;
    }

    /// <summary>SIGKILL: the process dies at once, handlers and all, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }
    }

    /// <summary>A graceful stop: closing standard input makes the host stop its dispatcher.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }
    }

    /// <summary>The handler log: (what, key, attempt) per line, "start" or "done".</summary>
    public IReadOnlyList<(string What, string Key, int Attempt)> ReadLog()
    {
        if (!File.Exists(LogFile))
        {
            return [];
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<(string, string, int)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 4)
            {
                lines.Add((parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }

        return lines;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
