using System.Globalization;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.Cli.Simulation;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary><c>send</c>: one signed delivery, one attempt; prints the status and the time taken.</summary>
internal static class SendCommand
{
    public static CliCommand Definition { get; } = new(
        "send",
        "send one signed delivery, with every vendor header, and print the answer",
        DeliveryArguments.Synopsis,
        DeliveryArguments.EventHelp,
        DeliveryArguments.Options,
        MinArguments: 1,
        MaxArguments: 2,
        RunAsync);

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        var (delivery, url, label) = await DeliveryArguments.CreateAsync(invocation).ConfigureAwait(false);
        using var client = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions { AttemptTimeout = DeliveryArguments.Timeout(invocation) });
        var result = await simulator.SendAsync(delivery, url, DeliveryRetryPolicy.None, invocation.CancellationToken).ConfigureAwait(false);
        var attempt = result.LastAttempt;

        if (invocation.Json)
        {
            using var json = new CliJson(Definition.Name);
            var writer = json.Writer;
            writer.WriteString("vendor", delivery.Vendor);
            writer.WriteString("delivery", label);
            writer.WriteString("url", url.ToString());
            writer.WriteNumber("bytes", delivery.Body.Length);
            writer.WriteStartArray("headers");
            foreach (var header in delivery.Headers)
            {
                writer.WriteStringValue(header.Key);
            }

            writer.WriteEndArray();
            WriteAttempt(writer, attempt);
            writer.WriteBoolean("delivered", result.Delivered);
            await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
        }
        else
        {
            await invocation.Output.WriteLineAsync($"POST {url} ({label}, {delivery.Body.Length} bytes; headers: {string.Join(", ", delivery.Headers.Select(h => h.Key))})").ConfigureAwait(false);
            await invocation.Output.WriteLineAsync(attempt.StatusCode is { } status
                ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status} in {attempt.Duration.TotalMilliseconds:0} ms{(string.IsNullOrEmpty(attempt.ResponseBody) ? string.Empty : ": " + attempt.ResponseBody)}")
                : string.Create(CultureInfo.InvariantCulture, $"no answer after {attempt.Duration.TotalMilliseconds:0} ms: {attempt.Error}")).ConfigureAwait(false);
            await invocation.Output.WriteLineAsync(result.Delivered
                ? "Delivered: the vendor would record it as delivered."
                : "Not delivered: only a 2xx answer counts, so the vendor would retry it.").ConfigureAwait(false);
        }

        return result.Delivered ? CliExitCodes.Success : CliExitCodes.Failure;
    }

    internal static void WriteAttempt(System.Text.Json.Utf8JsonWriter writer, DeliveryAttempt attempt)
    {
        if (attempt.StatusCode is { } status)
        {
            writer.WriteNumber("status", status);
        }
        else
        {
            writer.WriteNull("status");
        }

        writer.WriteNumber("elapsedMs", Math.Round(attempt.Duration.TotalMilliseconds, 1));
        writer.WriteString("error", attempt.Error);
        writer.WriteString("response", attempt.ResponseBody);
    }
}
