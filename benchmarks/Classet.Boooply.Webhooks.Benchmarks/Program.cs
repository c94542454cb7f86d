using BenchmarkDotNet.Running;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter *EndpointBenchmarks*</c>.</summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments, or <c>--inbox-latency</c> for the inbox's ack-to-handler latency.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--inbox-latency"])
        {
            return await InboxLatency.RunAsync(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
