using Classet.Boooply.Webhooks.Cli;

namespace Classet.Boooply.Webhooks.Cli.Tests.TestSupport;

/// <summary>What one in-process run of the tool printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
