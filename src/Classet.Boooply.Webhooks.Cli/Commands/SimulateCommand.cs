using System.Globalization;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.Cli.Simulation;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary><c>simulate</c>: one delivery retried on the vendor's schedule until a 2xx; reports what the vendor would record.</summary>
internal static class SimulateCommand
{
    /// <summary>The scale <c>--fast</c> applies to the waits: Boooply's longest schedule takes 1.5 s.</summary>
    public const double FastDelayScale = 0.01;

    /// <summary>The largest <c>--delay-scale</c>: Boooply's longest wait stays a few hours, far from a timer's range.</summary>
    public const double MaxDelayScale = 100;

    public static CliCommand Definition { get; } = new(
        "simulate",
        "send one delivery and retry it on the vendor's schedule, as the vendor would",
        DeliveryArguments.Synopsis,
        DeliveryArguments.EventHelp + Environment.NewLine + """

        Retries follow any non-2xx answer, network error or timeout:
          Classet: the first attempt and 3 retries with exponential backoff; Classet does not publish the delays,
                   so 1 s, 2 s and 4 s are assumed.
          Boooply: "5 attempts total; backoff 5s -> 10s -> 20s -> 40s -> 80s". The page does not say whether the first
                   wait comes before the first attempt: --schedule short (default) sends the first at once and the rest
                   5, 10, 20 and 40 s apart (the last 75 s after the first); --schedule long waits 5, 10, 20, 40 and
                   80 s before the five attempts (the last 150 s after the first).
        """,
        [
            .. DeliveryArguments.Options,
            new("--delay-scale", "x", $"multiply every wait by x (0 to {MaxDelayScale}; 0 retries at once)"),
            new("--fast", null, "compress the waits 100x (--delay-scale 0.01)"),
            new("--schedule", "short|long", "Boooply: which reading of its backoff list to follow (default short)"),
        ],
        MinArguments: 1,
        MaxArguments: 2,
        RunAsync);

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        var (delivery, url, label) = await DeliveryArguments.CreateAsync(invocation).ConfigureAwait(false);
        if (invocation.Has("--fast") && invocation.Has("--delay-scale"))
        {
            throw new CliUsageException("--fast is --delay-scale 0.01; give one of them.");
        }

        var scale = invocation.Has("--fast") ? FastDelayScale : invocation.Number("--delay-scale", 0, MaxDelayScale) ?? 1.0;
        var longReading = invocation.Value("--schedule") switch
        {
            null or "short" => false,
            "long" => true,
            _ => throw new CliUsageException("--schedule needs 'short' or 'long'."),
        };
        if (longReading && delivery.Vendor != WebhookVendorNames.Boooply)
        {
            throw new CliUsageException("--schedule is about Boooply's backoff list; Classet publishes no delays.");
        }

        var policy = DeliveryRetryPolicy.For(delivery.Vendor, longReading);
        var progress = invocation.Json ? TextWriter.Null : invocation.Output;
        await progress.WriteLineAsync($"POST {url} ({label}, {delivery.Body.Length} bytes)").ConfigureAwait(false);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Policy: {policy}{(scale == 1 ? string.Empty : $"; waits scaled by {scale}")}")).ConfigureAwait(false);

        using var client = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions
        {
            DelayScale = scale,
            AttemptTimeout = DeliveryArguments.Timeout(invocation),
            OnAttempt = attempt => progress.WriteLine($"  {attempt}"),
            OnRetryScheduled = wait => progress.WriteLine($"  {wait}"),
        });
        var result = await simulator.SendAsync(delivery, url, policy, invocation.CancellationToken).ConfigureAwait(false);
        var verdict = Verdict(delivery.Vendor, result);

        if (invocation.Json)
        {
            using var json = new CliJson(Definition.Name);
            var writer = json.Writer;
            writer.WriteString("vendor", delivery.Vendor);
            writer.WriteString("delivery", label);
            writer.WriteString("url", url.ToString());
            writer.WriteString("policy", policy.Name);
            writer.WriteNumber("delayScale", scale);
            writer.WriteStartArray("attempts");
            foreach (var attempt in result.Attempts)
            {
                writer.WriteStartObject();
                writer.WriteNumber("number", attempt.Number);
                SendCommand.WriteAttempt(writer, attempt);
                writer.WriteNumber("atMs", Math.Round(attempt.Elapsed.TotalMilliseconds, 1));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("delivered", result.Delivered);
            writer.WriteString("vendorWouldRecord", verdict);
            await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
        }
        else
        {
            await invocation.Output.WriteLineAsync(verdict).ConfigureAwait(false);
        }

        return result.Delivered ? CliExitCodes.Success : CliExitCodes.Failure;
    }

    // In the vendors' own words where they have them.
    private static string Verdict(string vendor, DeliveryResult result)
    {
        var name = vendor == WebhookVendorNames.Boooply ? "Boooply" : "Classet";
        if (result.Delivered)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} would record: delivered on attempt {result.LastAttempt.Number} of {result.LastAttempt.MaxAttempts}.");
        }

        return vendor == WebhookVendorNames.Boooply
            ? $"Boooply would record: failed after {result.Attempts.Count} attempts (\"after all retries fail, the delivery is marked as failed\"; it can be retried from Boooply's dashboard)."
            : $"Classet would record: undeliverable after {result.Attempts.Count} attempts (\"after the 3rd retry fails, the webhook event will be marked as undeliverable\").";
    }
}
