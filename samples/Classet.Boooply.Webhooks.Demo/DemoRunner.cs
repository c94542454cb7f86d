using System.Diagnostics;
using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Cli.Events;
using Classet.Boooply.Webhooks.Cli.Simulation;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Demo;

/// <summary>
/// The demo: starts the sample receiver on a free 127.0.0.1 port with its SQLite inbox in a temporary file, sends it every
/// documented event of both vendors over real HTTP with the delivery simulator, plus a forged, a duplicate, a malformed,
/// a future event type and one whose downstream fails twice, and checks each answer and what the handlers saw once the
/// inbox has processed it.
/// </summary>
public static class DemoRunner
{
    private const string FlakyMeetingCode = "demo-ats-down";

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

        // The inbox lives in a throwaway file: nothing to set up, nothing left behind.
        var inboxDirectory = Directory.CreateTempSubdirectory("classet-boooply-demo-");
        try
        {
            return await RunReceiverAsync(verbose, output, stopwatch, inboxDirectory.FullName, classetSecret, classetApiKey, boooplySecret, attackerSecret, cancellationToken);
        }
        finally
        {
            // Best effort: SQLite may hold the WAL files a moment after the app stopped.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                inboxDirectory.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<int> RunReceiverAsync(
        bool verbose,
        TextWriter output,
        Stopwatch stopwatch,
        string inboxDirectory,
        string classetSecret,
        string classetApiKey,
        string boooplySecret,
        string attackerSecret,
        CancellationToken cancellationToken)
    {
        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:Classet:SigningSecrets:0"] = classetSecret,
                ["Webhooks:Classet:LegacyApiKeys:0"] = classetApiKey,
                ["Webhooks:Boooply:SigningSecrets:0"] = boooplySecret,
                ["ConnectionStrings:" + ReceiverApp.InboxConnectionStringName] = "Data Source=" + Path.Combine(inboxDirectory, "webhooks-inbox.db"),

                // The inbox's retries compressed too (the defaults start at seconds), without jitter, for a quick demo.
                ["Webhooks:Inbox:RetryDelays:0"] = "00:00:00.100",
                ["Webhooks:Inbox:RetryDelays:1"] = "00:00:00.200",
                ["Webhooks:Inbox:RetryJitter"] = "0",
            });

            // The downstream (an ATS, say) is down for the first two attempts of one delivery. This handler runs before the
            // sample's own, so the inbox retries until it passes; the vendor got its 200 at once and never retried.
            builder.Services.AddBoooplyWebhooks().AddHandler<BoooplyScoresEvent>((scores, context, _) =>
                scores.MeetingCode == FlakyMeetingCode && context.Attempt < 3
                    ? throw new HttpRequestException($"The ATS answered 503 (demo: down for attempts 1 and 2, this is attempt {context.Attempt}).")
                    : Task.CompletedTask);
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
                var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions { DelayScale = 0.01 });
                var outcomes = new List<DemoOutcome>();
                foreach (var scenario in CreateScenarios(classetSecret, classetApiKey, boooplySecret, attackerSecret))
                {
                    var before = log.Count;
                    var url = new Uri(baseAddress, scenario.Vendor == WebhookVendorNames.Classet ? ReceiverApp.ClassetPath : ReceiverApp.BoooplyPath);
                    var result = await simulator.SendAsync(scenario.CreateDelivery(), url, scenario.Policy, cancellationToken);

                    // The answer came once the delivery was stored; its handlers run in the background.
                    await ReceiverApp.WaitUntilInboxIdleAsync(app.Services, cancellationToken);
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
        var scenarios = new List<DemoScenario>();
        foreach (var documented in WebhookEventCatalog.Documented)
        {
            var secret = documented.Vendor == WebhookVendorNames.Classet ? classetSecret : boooplySecret;
            scenarios.Add(new DemoScenario(
                documented.Vendor,
                documented.EventType + (documented.EventType == ClassetEventTypes.CallCompleted ? " (deprecated)" : string.Empty),
                () => documented.CreateDelivery(secret),
                DeliveryRetryPolicy.For(documented.Vendor),
                200,
                ReceivedWebhookKind.Handled,
                documented.EventType));
        }

        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Boooply,
            "duplicate of interview.evaluation",
            () => BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), boooplySecret),
            DeliveryRetryPolicy.BoooplyShort,
            200,
            ExpectedKind: null));

        // A vendor would retry these too; one attempt is enough to show the answer.
        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Boooply,
            "forged interview.evaluation (wrong secret)",
            () => BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), attackerSecret),
            DeliveryRetryPolicy.None,
            401,
            ExpectedKind: null));

        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Classet,
            "valid x-classet-key, no signature (downgrade)",
            () => ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), classetSecret).WithLegacyApiKey(classetApiKey),
            DeliveryRetryPolicy.None,
            401,
            ExpectedKind: null));

        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Boooply,
            "malformed JSON (trailing comma), signed",
            () => BoooplyTestDeliveries.Create(BoooplyTestEvents.MalformedBody(WebhookTestMalformation.TrailingComma), boooplySecret),
            DeliveryRetryPolicy.None,
            400,
            ReceivedWebhookKind.DeadLettered));

        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Boooply,
            "interview.scores, ATS down for 2 attempts",
            () => BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(data => data with { MeetingCode = FlakyMeetingCode }), boooplySecret),
            DeliveryRetryPolicy.BoooplyShort,
            200,
            ReceivedWebhookKind.Handled,
            BoooplyEventTypes.Scores,
            ExpectedAttempt: 3));

        scenarios.Add(new DemoScenario(
            WebhookVendorNames.Boooply,
            "interview.summary (a future event type)",
            () => BoooplyTestDeliveries.Create(BoooplyTestEvents.Unknown("interview.summary"), boooplySecret),
            DeliveryRetryPolicy.BoooplyShort,
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
                outcome.Scenario.Vendor,
                outcome.Scenario.Title,
                http,
                outcome.AsExpected ? "ok" : "FAIL",
                outcome.HandlerText));
        }
    }

    private static string RandomSecret(string prefix) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
