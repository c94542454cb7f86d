using System.Reflection;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.Cli.Commands;

namespace Classet.Boooply.Webhooks.Cli;

/// <summary>
/// The <c>classet-boooply-webhooks</c> command line, runnable in-process (tests) as well as from <c>Program</c>.
/// </summary>
/// <remarks>
/// A small hand-written parser rather than System.CommandLine: no dependency to restore or trim, exit code 2 for every
/// usage error, and error messages that never repeat a value from the command line (a secret pasted in the wrong place
/// must not be printed back).
/// </remarks>
public static class CliApplication
{
    /// <summary>The command name the tool installs.</summary>
    public const string ToolCommand = "classet-boooply-webhooks";

    // The command table: a new command is one entry here and one class in Commands/.
    private static readonly CliCommand[] Commands =
    [
        SendCommand.Definition,
        SimulateCommand.Definition,
        VerifyCommand.Definition,
        EventsCommand.Definition,
        InboxCommand.Definition,
    ];

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results go (human-readable, or one JSON object with <c>--json</c>).</param>
    /// <param name="error">Where usage errors and live progress go.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns><see cref="CliExitCodes.Success"/>, <see cref="CliExitCodes.Failure"/> or <see cref="CliExitCodes.Usage"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args is [] or ["--help"] or ["-h"] or ["help"])
        {
            await output.WriteLineAsync(GeneralUsage()).ConfigureAwait(false);
            return args.Length == 0 ? CliExitCodes.Usage : CliExitCodes.Success;
        }

        if (args is ["--version"])
        {
            await output.WriteLineAsync(Version()).ConfigureAwait(false);
            return CliExitCodes.Success;
        }

        var helpFor = args is ["help", var topic] ? topic : null;
        var command = Array.Find(Commands, c => c.Name == (helpFor ?? args[0]));
        var json = args.Contains(CliInvocation.JsonOption);
        if (command is null)
        {
            return await UsageErrorAsync(output, error, json, null, "unknown command; expected one of: " + string.Join(", ", Commands.Select(c => c.Name)) + ".").ConfigureAwait(false);
        }

        if (helpFor is not null || args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(CommandUsage(command)).ConfigureAwait(false);
            return CliExitCodes.Success;
        }

        try
        {
            var invocation = CliInvocation.Parse(command, args[1..], output, error, cancellationToken);
            return await command.RunAsync(invocation).ConfigureAwait(false);
        }
        catch (CliUsageException exception)
        {
            return await UsageErrorAsync(output, error, json, command, exception.Message).ConfigureAwait(false);
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter output, TextWriter error, bool json, CliCommand? command, string message)
    {
        await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        await error.WriteLineAsync($"Run '{ToolCommand} {(command is null ? "--help" : "help " + command.Name)}' for usage.").ConfigureAwait(false);
        if (json)
        {
            await CliJson.WriteUsageErrorAsync(output, command?.Name, message).ConfigureAwait(false);
        }

        return CliExitCodes.Usage;
    }

    private static string GeneralUsage()
    {
        var lines = new List<string>
        {
            $"{ToolCommand} {Version()}: test Classet and Boooply webhook receivers.",
            string.Empty,
            "Usage:",
        };
        lines.AddRange(Commands.Select(c => $"  {ToolCommand} {c.Name} {c.Synopsis}"));
        lines.Add(string.Empty);
        lines.Add("Commands:");
        lines.AddRange(Commands.Select(c => $"  {c.Name,-10}{c.Summary}"));
        lines.Add(string.Empty);
        lines.Add($"Every command takes --json (one JSON object on stdout, for scripts). '{ToolCommand} help <command>' shows its options.");
        lines.Add("Exit codes: 0 delivered, verified or done; 1 rejected, no answer, not verified, or the inbox could not be read or replayed; 2 wrong command line.");
        lines.Add("Secrets are never printed, nor connection strings. Pass secrets with --secret or the CLASSET_WEBHOOK_SECRET / BOOOPLY_WEBHOOK_SECRET variables.");
        return string.Join(Environment.NewLine, lines);
    }

    private static string CommandUsage(CliCommand command)
    {
        var lines = new List<string> { command.Summary, string.Empty, $"Usage: {ToolCommand} {command.Name} {command.Synopsis}", string.Empty };
        if (command.Details.Length > 0)
        {
            lines.Add(command.Details);
            lines.Add(string.Empty);
        }

        lines.Add("Options:");
        foreach (var option in command.Options.Append(new CliOption(CliInvocation.JsonOption, null, "print one JSON object for scripts")))
        {
            var syntax = option.TakesValue ? $"{option.Name} <{option.ValueName}>" : option.Name;
            lines.Add($"  {syntax,-26}{option.Description}{(option.Repeatable ? " (repeatable)" : string.Empty)}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Version() =>
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
