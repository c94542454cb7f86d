namespace Classet.Boooply.Webhooks.Cli.CommandLine;

/// <summary>An option a command accepts.</summary>
/// <param name="Name">The option, such as <c>--url</c>.</param>
/// <param name="ValueName">The name of its value in the usage text, or <see langword="null"/> for a flag.</param>
/// <param name="Description">One line for the usage text.</param>
/// <param name="Repeatable">Whether it may be given more than once (every value is kept).</param>
internal sealed record CliOption(string Name, string? ValueName, string Description, bool Repeatable = false)
{
    public bool TakesValue => ValueName is not null;
}
