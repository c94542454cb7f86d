namespace Classet.Boooply.Webhooks.Cli.CommandLine;

/// <summary>
/// A wrong command line: exit code 2. Messages name options and say what is expected, and never repeat a value given
/// on the command line, so a secret typed in the wrong place is not printed back.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
