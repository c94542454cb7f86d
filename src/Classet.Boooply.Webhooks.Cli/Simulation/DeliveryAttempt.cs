namespace Classet.Boooply.Webhooks.Cli.Simulation;

/// <summary>What happened on one attempt to deliver a webhook.</summary>
/// <param name="Number">The attempt number, starting at 1.</param>
/// <param name="MaxAttempts">How many attempts the policy allows in all.</param>
/// <param name="StatusCode">The HTTP status code, or <see langword="null"/> when no response came (network error, timeout).</param>
/// <param name="Error">Why no response came, or <see langword="null"/>.</param>
/// <param name="ResponseBody">The first characters of the response body, for the report.</param>
/// <param name="Elapsed">The time from the start of the first attempt to the end of this one.</param>
/// <param name="Duration">How long this attempt's request took.</param>
public sealed record DeliveryAttempt(
    int Number,
    int MaxAttempts,
    int? StatusCode,
    string? Error,
    string? ResponseBody,
    TimeSpan Elapsed,
    TimeSpan Duration)
{
    /// <summary>Gets whether this attempt counts as delivered: only a 2xx status does, as both vendors document.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <inheritdoc />
    public override string ToString()
    {
        var outcome = StatusCode is { } status ? $"HTTP {status}" : $"no response ({Error})";
        return $"attempt {Number}/{MaxAttempts}: {outcome} in {Duration.TotalMilliseconds:0} ms, t+{Elapsed.TotalSeconds:0.000} s";
    }
}
