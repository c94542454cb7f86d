namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>One reason a captured delivery does not verify.</summary>
/// <param name="Code">A stable identifier for scripts, such as <c>reformatted</c>.</param>
/// <param name="Certain">Whether a variant of the delivery was checked and did verify, proving this is the cause; otherwise a likely cause.</param>
/// <param name="Message">The explanation and what to do.</param>
internal sealed record VerifyFinding(string Code, bool Certain, string Message);
