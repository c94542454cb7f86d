namespace Classet.Boooply.Webhooks.Cli.CommandLine;

/// <summary>A command of the tool: its name, its usage text, what it accepts and what it runs.</summary>
/// <param name="Name">The command name, such as <c>send</c>.</param>
/// <param name="Summary">One line for the general usage text.</param>
/// <param name="Synopsis">The command's argument syntax, after its name.</param>
/// <param name="Details">More usage text, shown by <c>help &lt;command&gt;</c>.</param>
/// <param name="Options">The options it accepts (<c>--json</c> and <c>--help</c> are always accepted).</param>
/// <param name="MinArguments">The fewest positional arguments.</param>
/// <param name="MaxArguments">The most positional arguments.</param>
/// <param name="RunAsync">Runs the parsed command; returns the exit code, or throws <see cref="CliUsageException"/>.</param>
internal sealed record CliCommand(
    string Name,
    string Summary,
    string Synopsis,
    string Details,
    IReadOnlyList<CliOption> Options,
    int MinArguments,
    int MaxArguments,
    Func<CliInvocation, Task<int>> RunAsync);
