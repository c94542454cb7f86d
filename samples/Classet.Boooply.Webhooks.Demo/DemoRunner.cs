using System.Diagnostics;
using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Samples.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Demo;

/// <summary>
/// The demo: starts the sample receiver on a free 127.0.0.1 port, sends it every documented event of both vendors over
/// real HTTP with the delivery simulator, plus a forged, a duplicate, a malformed and a few other deliveries, and checks
/// each answer and what the handlers saw.
/// </summary>
public static class DemoRunner
{
    /// <summary>A Boooply body that is signed correctly but is not valid JSON (a trailing comma): it must be answered 400 and dead-lettered.</summary>
    private static readonly byte[] MalformedBoooplyBody =
        """{"event":"interview.scores","data":{"meetingCode":"Boooply-AI-1234567890","overallRating":3,}}"""u8.ToArray();

    /// <summary>An event type Boooply might add later: it must be answered 200 and reach the unknown-event handler.</summary>
    private static readonly byte[] FutureBoooplyEventBody =
        """{"event":"interview.summary","data":{"meetingCode":"Boooply-AI-1234567890","summary":"A future event type","timestamp":"2026-03-21T18:45:00.000Z"}}"""u8.ToArray();

    /// <summary>Runs the demo.</summary>
    /// <param name="args">Pass <c>--verbose</c> to see the receiver's own log lines.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="cancellationToken">Stops the demo.</param>
    /// <returns>0 when every outcome was the expected one, otherwise 1.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var verbose = args.Contains("--verbose");
        var stopwatch = Stopwatch.StartNew();

        // Fresh secrets every run: nothing to configure, nothing that could be mistaken for a real secret. Never printed.
        var classetSecret = RandomSecret(string.Empty);
        var classetApiKey = RandomSecret("key_");
        var boooplySecret = RandomSecret("whsec_");
        var attackerSecret = RandomSecret("whsec_");

        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:Classet:SigningSecrets:0"] = classetSecret,
                ["Webhooks:Classet:LegacyApiKeys:0"] = classetApiKey,
                ["Webhooks:Boooply:SigningSecrets:0"] = boooplySecret,
            });
            if (!verbose)
            {
                builder.Logging.ClearProviders();
            }
        });

        await using (app)
        {
            await app.StartAsync(cancellationToken);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var baseAddress = new Uri(address);
                await output.WriteLineAsync($"Sample receiver listening on {address} (random per-run secrets, not shown).");
                await output.WriteLineAsync("Sending deliveries over HTTP with the delivery simulator, signed and with headers as each vendor sends them...");
                await output.WriteLineAsync();

                var log = app.Services.GetRequiredService<ReceivedWebhookLog>();
                using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

                // Retry delays are compressed 100x: a receiver failure shows up as extra attempts without a long wait.
                var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions { DelayScale = SimulatorCli.FastDelayScale });
                var outcomes = new List<DemoOutcome>();
                foreach (var scenario in CreateScenarios(classetSecret, classetApiKey, boooplySecret, attackerSecret))
                {
                    var before = log.Count;
                    var delivery = scenario.CreateDelivery(baseAddress);
                    var result = await simulator.SendAsync(delivery, scenario.Policy, cancellationToken);
                    outcomes.Add(new DemoOutcome(scenario, result, log.GetEntries(before)));
                }

                await WriteTableAsync(output, outcomes);
                var failures = outcomes.Count(o => !o.AsExpected);
                await output.WriteLineAsync();
                await output.WriteLineAsync(failures == 0
                    ? $"All {outcomes.Count} outcomes were the expected ones ({stopwatch.Elapsed.TotalSeconds:0.0} s)."
                    : $"{failures} of {outcomes.Count} outcomes were NOT the expected ones.");
                return failures == 0 ? 0 : 1;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Returns the demo's deliveries: every documented event of both vendors, then the hostile and odd ones.</summary>
    private static List<DemoScenario> CreateScenarios(string classetSecret, string classetApiKey, string boooplySecret, string attackerSecret)
    {
        static Uri Classet(Uri baseAddress) => new(baseAddress, ReceiverApp.ClassetPath);
        static Uri Boooply(Uri baseAddress) => new(baseAddress, ReceiverApp.BoooplyPath);

        var scenarios = new List<DemoScenario>();
        foreach (var simulated in SimulatedEvents.All)
        {
            var secret = simulated.Vendor == WebhookVendor.Classet ? classetSecret : boooplySecret;
            scenarios.Add(new DemoScenario(
                simulated.Vendor,
                simulated.EventType + (simulated == SimulatedEvents.ClassetCallCompleted ? " (deprecated)" : string.Empty),
                baseAddress => WebhookDelivery.For(simulated, simulated.Vendor == WebhookVendor.Classet ? Classet(baseAddress) : Boooply(baseAddress), secret),
                DeliveryRetryPolicy.For(simulated.Vendor),
                200,
                ReceivedWebhookKind.Handled,
                simulated.EventType));
        }

        scenarios.Add(new DemoScenario(
            WebhookVendor.Boooply,
            "duplicate of interview.evaluation",
            baseAddress => WebhookDelivery.For(SimulatedEvents.BoooplyEvaluation, Boooply(baseAddress), boooplySecret),
            DeliveryRetryPolicy.Boooply,
            200,
            ExpectedKind: null));

        // A vendor would retry these too; one attempt is enough to show the answer.
        scenarios.Add(new DemoScenario(
            WebhookVendor.Boooply,
            "forged interview.evaluation (wrong secret)",
            baseAddress => WebhookDelivery.For(SimulatedEvents.BoooplyEvaluation, Boooply(baseAddress), attackerSecret),
            DeliveryRetryPolicy.None,
            401,
            ExpectedKind: null));

        scenarios.Add(new DemoScenario(
            WebhookVendor.Classet,
            "valid x-classet-key, no signature (downgrade)",
            baseAddress => WebhookDelivery.For(SimulatedEvents.ClassetInterviewUpdated, Classet(baseAddress), secret: null, apiKey: classetApiKey),
            DeliveryRetryPolicy.None,
            401,
            ExpectedKind: null));

        scenarios.Add(new DemoScenario(
            WebhookVendor.Boooply,
            "malformed JSON (trailing comma), signed",
            baseAddress => WebhookDelivery.ForBoooply(Boooply(baseAddress), MalformedBoooplyBody, boooplySecret),
            DeliveryRetryPolicy.None,
            400,
            ReceivedWebhookKind.DeadLettered));

        scenarios.Add(new DemoScenario(
            WebhookVendor.Boooply,
            "interview.summary (a future event type)",
            baseAddress => WebhookDelivery.ForBoooply(Boooply(baseAddress), FutureBoooplyEventBody, boooplySecret),
            DeliveryRetryPolicy.Boooply,
            200,
            ReceivedWebhookKind.UnknownEvent,
            "interview.summary"));

        return scenarios;
    }

    private static async Task WriteTableAsync(TextWriter output, List<DemoOutcome> outcomes)
    {
        const string Format = "{0,3}  {1,-8} {2,-46} {3,-10} {4,-6} {5}";
        await output.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, "#", "Vendor", "Delivery", "HTTP", "Check", "What the handler saw"));
        await output.WriteLineAsync(new string('-', 130));
        var number = 0;
        foreach (var outcome in outcomes)
        {
            number++;
            var status = outcome.Result.LastStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            var http = outcome.Result.LastStatusCode == outcome.Scenario.ExpectedStatus ? status : $"{status}≠{outcome.Scenario.ExpectedStatus}";
            if (outcome.Result.Attempts.Count > 1)
            {
                http += $" ×{outcome.Result.Attempts.Count}";
            }

            await output.WriteLineAsync(string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                Format,
                number,
                outcome.Scenario.Vendor.ToString().ToLowerInvariant(),
                outcome.Scenario.Title,
                http,
                outcome.AsExpected ? "ok" : "FAIL",
                outcome.HandlerText));
        }
    }

    private static string RandomSecret(string prefix) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
