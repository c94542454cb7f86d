using System.Globalization;

namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>The simulator's command line, usable in-process (tests, other tools) as well as from <c>Program</c>.</summary>
public static class SimulatorCli
{
    /// <summary>Exit code: delivered (some attempt got a 2xx).</summary>
    public const int ExitDelivered = 0;

    /// <summary>Exit code: every attempt failed.</summary>
    public const int ExitNotDelivered = 1;

    /// <summary>Exit code: the command line was wrong.</summary>
    public const int ExitUsage = 2;

    /// <summary>The scale <c>--fast</c> applies to the waits: Boooply's 80 s become 0.8 s.</summary>
    public const double FastDelayScale = 0.01;

    /// <summary>The largest <c>--delay-scale</c>: Boooply's longest wait stays about an hour, far from a timer's range.</summary>
    public const double MaxDelayScale = 100;

    /// <summary>The largest <c>--timeout</c>, in seconds: an hour per attempt.</summary>
    public const double MaxTimeoutSeconds = 3600;

    private const string Usage = """
        Classet.Boooply.Webhooks delivery simulator: sends a signed webhook to your endpoint exactly as the vendor does,
        and retries it on the vendor's schedule until it gets a 2xx.

        Usage:
          simulator <vendor> <event> --url <endpoint> [--secret <secret>] [options]
          simulator list

        Events:
          classet interview-updated   candidate.interview.updated
          classet call-completed      call_completed (deprecated by Classet)
          boooply transcript          interview.transcript
          boooply evaluation          interview.evaluation
          boooply scores              interview.scores
          boooply recording           interview.recording

        Options:
          --url <url>            the endpoint, e.g. http://127.0.0.1:5080/webhooks/boooply (required)
          --secret <secret>      the signing secret; default: $CLASSET_WEBHOOK_SECRET or $BOOOPLY_WEBHOOK_SECRET
          --api-key <key>        Classet only: send the legacy x-classet-key instead of a signature
                                 (used when no secret is given; default: $CLASSET_API_KEY)
          --payload <file>       send this file's bytes instead of the documented example (sent and signed as is;
                                 the vendors send compact JSON)
          --fast                 compress the waits 100x (same as --delay-scale 0.01)
          --delay-scale <x>      multiply the waits by x (0: no waiting)
          --no-retry             one attempt only
          --timeout <seconds>    per-attempt timeout (default 30, Boooply's limit)

        Retry policies:
          Classet: first attempt at once + 3 retries, exponential backoff. Classet does not publish the delays;
                   1 s, 2 s, 4 s here.
          Boooply: 5 attempts in total, at 5 s, 10 s, 20 s, 40 s and 80 s after the event
                   (waits of 5, 5, 10, 20 and 40 s).

        Exit code: 0 delivered, 1 not delivered, 2 bad command line.
        """;

    /// <summary>Runs the simulator with command-line arguments.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where usage errors go.</param>
    /// <param name="cancellationToken">Stops the delivery.</param>
    /// <returns><see cref="ExitDelivered"/>, <see cref="ExitNotDelivered"/> or <see cref="ExitUsage"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Length == 0 || args.Any(a => a is "-h" or "--help" or "help"))
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? ExitUsage : ExitDelivered;
        }

        if (args is ["list"])
        {
            foreach (var known in SimulatedEvents.All)
            {
                await output.WriteLineAsync($"{known.CommandLine,-28}{known.EventType}");
            }

            return ExitDelivered;
        }

        if (!TryParse(args, out var command, out var problem))
        {
            await error.WriteLineAsync($"error: {problem}");
            await error.WriteLineAsync("Run with --help for usage.");
            return ExitUsage;
        }

        byte[] body;
        if (command.PayloadFile is { } file)
        {
            try
            {
                body = await File.ReadAllBytesAsync(file, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot read --payload '{file}': {exception.Message}");
                return ExitUsage;
            }
        }
        else
        {
            body = command.Event.GetBody();
        }

        var delivery = command.Event.Vendor == WebhookVendor.Boooply
            ? WebhookDelivery.ForBoooply(command.Url, body, command.Secret!)
            : WebhookDelivery.ForClasset(command.Url, body, command.Secret, command.ApiKey);
        var policy = command.NoRetry ? DeliveryRetryPolicy.None : DeliveryRetryPolicy.For(command.Event.Vendor);

        await output.WriteLineAsync(
            $"Sending {command.Event.Vendor} {command.Event.EventType} ({body.Length} bytes{(command.PayloadFile is null ? ", documented example" : ", from " + command.PayloadFile)}) to {command.Url}");
        await output.WriteLineAsync($"Headers: Content-Type, {string.Join(", ", delivery.Headers.Select(h => h.Key))}");
        await output.WriteLineAsync($"Retry policy: {policy}{(command.DelayScale == 1.0 ? string.Empty : $", delays scaled by {command.DelayScale.ToString(CultureInfo.InvariantCulture)}")}");

        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions
        {
            DelayScale = command.DelayScale,
            AttemptTimeout = command.Timeout,
            OnAttempt = attempt =>
            {
                output.WriteLine($"  {attempt}{(attempt.ResponseBody is { Length: > 0 } text ? "  " + text.ReplaceLineEndings(" ") : string.Empty)}");
            },
            OnRetryScheduled = wait => output.WriteLine($"  {wait}"),
        });

        var result = await simulator.SendAsync(delivery, policy, cancellationToken);
        await output.WriteLineAsync(result.Delivered
            ? $"Delivered on attempt {result.LastAttempt.Number}."
            : $"Not delivered after {result.Attempts.Count} attempt(s); the vendor would now mark the delivery as failed.");
        return result.Delivered ? ExitDelivered : ExitNotDelivered;
    }

    private static bool TryParse(string[] args, out SimulatorCommand command, out string problem)
    {
        command = null!;
        problem = string.Empty;
        if (args.Length < 2)
        {
            problem = "expected <vendor> <event>, e.g. 'boooply evaluation'.";
            return false;
        }

        if (!Enum.TryParse<WebhookVendor>(args[0], ignoreCase: true, out var vendor) || !Enum.IsDefined(vendor))
        {
            problem = $"unknown vendor '{args[0]}' (expected classet or boooply).";
            return false;
        }

        var simulatedEvent = SimulatedEvents.Find(vendor, args[1]);
        if (simulatedEvent is null)
        {
            problem = $"{vendor} documents no event '{args[1]}'; run 'list' to see them.";
            return false;
        }

        string? url = null, secret = null, apiKey = null, payload = null;
        double scale = 1.0;
        var noRetry = false;
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 2; i < args.Length; i++)
        {
            var name = args[i];
            string? Value()
            {
                return i + 1 < args.Length ? args[++i] : null;
            }

            switch (name)
            {
                case "--url": url = Value(); break;
                case "--secret": secret = Value(); break;
                case "--api-key": apiKey = Value(); break;
                case "--payload": payload = Value(); break;
                case "--fast": scale = FastDelayScale; break;
                case "--no-retry": noRetry = true; break;
                case "--delay-scale":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || !(scale >= 0) || scale > MaxDelayScale)
                    {
                        problem = $"--delay-scale needs a number from 0 to {MaxDelayScale}.";
                        return false;
                    }

                    break;
                case "--timeout":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > MaxTimeoutSeconds)
                    {
                        problem = $"--timeout needs a number of seconds above 0 and at most {MaxTimeoutSeconds}.";
                        return false;
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    problem = $"unknown option '{name}'.";
                    return false;
            }
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = "--url needs an absolute http(s) URL, e.g. http://127.0.0.1:5080/webhooks/" + vendor.ToString().ToLowerInvariant() + ".";
            return false;
        }

        secret ??= Environment.GetEnvironmentVariable(vendor == WebhookVendor.Boooply ? "BOOOPLY_WEBHOOK_SECRET" : "CLASSET_WEBHOOK_SECRET");
        if (vendor == WebhookVendor.Classet)
        {
            apiKey ??= Environment.GetEnvironmentVariable("CLASSET_API_KEY");
        }
        else if (apiKey is not null)
        {
            problem = "--api-key is Classet's legacy scheme; Boooply always signs.";
            return false;
        }

        if (string.IsNullOrEmpty(secret) && string.IsNullOrEmpty(apiKey))
        {
            problem = vendor == WebhookVendor.Boooply
                ? "--secret is required (or set BOOOPLY_WEBHOOK_SECRET)."
                : "--secret is required (or set CLASSET_WEBHOOK_SECRET), or --api-key for the legacy scheme.";
            return false;
        }

        command = new SimulatorCommand(simulatedEvent, uri, string.IsNullOrEmpty(secret) ? null : secret, apiKey, payload, scale, noRetry, timeout);
        return true;
    }

    private sealed record SimulatorCommand(
        SimulatedEvent Event,
        Uri Url,
        string? Secret,
        string? ApiKey,
        string? PayloadFile,
        double DelayScale,
        bool NoRetry,
        TimeSpan Timeout);
}
