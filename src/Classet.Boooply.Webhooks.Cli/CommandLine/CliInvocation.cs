using System.Globalization;

namespace Classet.Boooply.Webhooks.Cli.CommandLine;

/// <summary>A parsed command line: positional arguments, option values, and where to write.</summary>
internal sealed class CliInvocation
{
    public const string JsonOption = "--json";

    private readonly Dictionary<string, List<string>> _values;
    private readonly HashSet<string> _flags;

    private CliInvocation(IReadOnlyList<string> arguments, Dictionary<string, List<string>> values, HashSet<string> flags, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Arguments = arguments;
        _values = values;
        _flags = flags;
        Output = output;
        Error = error;
        CancellationToken = cancellationToken;
    }

    public IReadOnlyList<string> Arguments { get; }

    public bool Json => _flags.Contains(JsonOption);

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Parses the arguments after the command name against the command's options.</summary>
    /// <exception cref="CliUsageException">An option is unknown, lacks its value or is repeated, or the argument count is wrong.</exception>
    public static CliInvocation Parse(CliCommand command, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                arguments.Add(arg);
                continue;
            }

            // --name=value as well as --name value.
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (name == JsonOption && equals < 0)
            {
                flags.Add(name);
                continue;
            }

            var option = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new CliUsageException($"'{command.Name}' has no option {OptionNameForMessage(name)}.");
            if (!option.TakesValue)
            {
                if (equals >= 0)
                {
                    throw new CliUsageException($"{option.Name} takes no value.");
                }

                flags.Add(option.Name);
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (index + 1 < args.Count)
            {
                value = args[++index];
            }
            else
            {
                throw new CliUsageException($"{option.Name} needs a value ({option.ValueName}).");
            }

            if (!values.TryGetValue(option.Name, out var list))
            {
                values[option.Name] = list = [];
            }
            else if (!option.Repeatable)
            {
                throw new CliUsageException($"{option.Name} is given more than once.");
            }

            list.Add(value);
        }

        if (arguments.Count < command.MinArguments || arguments.Count > command.MaxArguments)
        {
            throw new CliUsageException($"expected: {command.Name} {command.Synopsis}");
        }

        return new CliInvocation(arguments, values, flags, output, error, cancellationToken);
    }

    public bool Has(string option) => _flags.Contains(option) || _values.ContainsKey(option);

    public string? Value(string option) => _values.TryGetValue(option, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string option) => _values.TryGetValue(option, out var list) ? list : [];

    /// <summary>Reads a number option within a range.</summary>
    /// <exception cref="CliUsageException">The value is not a number in the range.</exception>
    public double? Number(string option, double minimum, double maximum, bool minimumExclusive = false)
    {
        if (Value(option) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !(minimumExclusive ? value > minimum : value >= minimum) || !(value <= maximum))
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} needs a number {(minimumExclusive ? "above" : "from")} {minimum} {(minimumExclusive ? "and at most" : "to")} {maximum}."));
        }

        return value;
    }

    // An option name is not a value, but a mistyped one could still be a secret pasted after "--": show it only when
    // it looks like an option name.
    private static string OptionNameForMessage(string name) =>
        name.Length <= 32 && name.Skip(2).All(c => char.IsAsciiLetterLower(c) || c == '-') ? $"'{name}'" : "(an unrecognised option)";
}
