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

    /// <summary>The receiver's base address (<c>http://127.0.0.1:port</c>); null for a dispatcher-only instance.</summary>
    public Uri? BaseAddress { get; private init; }

    public bool HasExited => _process.HasExited;

    /// <summary>Set (before the signal is sent) when the test kills the process.</summary>
    public bool Killed { get; private set; }

    /// <summary>A dispatcher-only instance (no endpoint): the TestHost's default mode.</summary>
    public static Task<InstanceProcess> StartAsync(string connectionString, string schema, string logFile, double leaseSeconds, int maxConcurrency, int handlerMilliseconds) =>
        StartCoreAsync([connectionString, schema, logFile, Text(leaseSeconds), Text(maxConcurrency), Text(handlerMilliseconds)], logFile);

    /// <summary>
    /// A whole receiver instance: Kestrel on a free loopback port with the Boooply endpoint on <c>/webhooks/boooply</c>,
    /// <c>UseInbox()</c>, and the inbox on <paramref name="schema"/>; ready once its store answers.
    /// </summary>
    public static Task<InstanceProcess> StartReceiverAsync(string connectionString, string schema, string logFile, double leaseSeconds, int maxConcurrency, int handlerMilliseconds, string secret) =>
        StartCoreAsync(["receiver", connectionString, schema, logFile, Text(leaseSeconds), Text(maxConcurrency), Text(handlerMilliseconds), secret], logFile);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<InstanceProcess> StartCoreAsync(string[] arguments, string logFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = "(nothing within 90 s)";
        }

        if (line is null || !line.StartsWith("ready", StringComparison.Ordinal))
        {
            new InstanceProcess(process, logFile).Kill();
            throw new InvalidOperationException($"The instance process did not start: {line} {(process.HasExited ? await errors : string.Empty)}");
        }

        return new InstanceProcess(process, logFile) { BaseAddress = line.Length > "ready ".Length ? new Uri(line["ready ".Length..]) : null };
    }

    /// <summary>SIGKILL: the process dies at once, handlers and all, as in a crash.</summary>
    public void Kill()
    {
        Killed = true;
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

    /// <summary>The handler log: (what, key, attempt, unix ms) per line, "start" or "done".</summary>
    public IReadOnlyList<(string What, string Key, int Attempt, long At)> ReadLog()
    {
        if (!File.Exists(LogFile))
        {
            return [];
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<(string, string, int, long)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 4)
            {
                lines.Add((parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture)));
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
