using System.Globalization;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.Cli.Events;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>What <c>send</c> and <c>simulate</c> share: the options that say what to send and where, and how they become a delivery.</summary>
internal static class DeliveryArguments
{
    public const string Synopsis = "<classet|boooply> <event> --url <endpoint> [--secret <secret>] [options]";

    public static readonly CliOption[] Options =
    [
        new("--url", "endpoint", "where to POST, e.g. http://127.0.0.1:5080/webhooks/boooply (required)"),
        new("--secret", "secret", "the signing secret; default $CLASSET_WEBHOOK_SECRET / $BOOOPLY_WEBHOOK_SECRET"),
        new("--payload", "file", "send this file's bytes instead of the event's example (signed as they are)"),
        new("--api-key", "key", "Classet: the legacy x-classet-key instead of a signature (default $CLASSET_API_KEY when no secret)"),
        new("--timestamp", "now|ISO-8601", "Boooply: set the signed data.timestamp (for receivers with MaxEventAge)"),
        new("--pretty", null, "pretty-print the body after signing (a reformatting proxy)"),
        new("--python", null, "re-serialize the body as Python's json.dumps after signing"),
        new("--no-signature", null, "leave the signature header out"),
        new("--wrong-secret", null, "sign with a secret that is not the configured one (a forgery)"),
        new("--timeout", "seconds", "per-attempt timeout (default 30, Boooply's limit; at most 3600)"),
    ];

    public const string EventHelp = """
        Events (see the 'events' command): classet interview-updated | call-completed | unknown | malformed,
        boooply transcript | evaluation | scores | recording | unknown | malformed. The bodies are the vendors'
        documented examples, compact as JSON.stringify sends them. With --payload the event may be left out.
        """;

    private const double MaxTimeoutSeconds = 3600;

    /// <summary>Builds the delivery a command line describes.</summary>
    /// <exception cref="CliUsageException">Anything about the command line is wrong, or the payload file cannot be read.</exception>
    public static async Task<(WebhookTestDelivery Delivery, Uri Url, string Label)> CreateAsync(CliInvocation invocation)
    {
        var vendor = ParseVendor(invocation.Arguments[0]);
        var payloadFile = invocation.Value("--payload");
        WebhookCatalogEvent? catalogEvent = null;
        if (invocation.Arguments.Count > 1)
        {
            catalogEvent = WebhookEventCatalog.Find(vendor, invocation.Arguments[1])
                ?? throw new CliUsageException($"{vendor} has no such event; run 'events' to list them.");
        }
        else if (payloadFile is null)
        {
            throw new CliUsageException("name an event, or give --payload <file>.");
        }

        var url = ParseUrl(invocation.Value("--url"), vendor);
        var secret = invocation.Value("--secret") ?? Environment.GetEnvironmentVariable(vendor == WebhookVendorNames.Boooply ? "BOOOPLY_WEBHOOK_SECRET" : "CLASSET_WEBHOOK_SECRET");
        var apiKey = invocation.Value("--api-key");
        if (vendor == WebhookVendorNames.Boooply && apiKey is not null)
        {
            throw new CliUsageException("--api-key is Classet's legacy scheme; Boooply always signs.");
        }

        if (vendor == WebhookVendorNames.Classet && string.IsNullOrEmpty(secret))
        {
            apiKey ??= Environment.GetEnvironmentVariable("CLASSET_API_KEY");
        }

        if (string.IsNullOrWhiteSpace(secret) && string.IsNullOrEmpty(apiKey))
        {
            throw new CliUsageException(vendor == WebhookVendorNames.Boooply
                ? "--secret is required (or set BOOOPLY_WEBHOOK_SECRET)."
                : "--secret is required (or set CLASSET_WEBHOOK_SECRET), or --api-key for the legacy scheme.");
        }

        // A legacy API-key delivery carries no signature, so the placeholder never signs anything that is sent.
        var signingSecret = string.IsNullOrWhiteSpace(secret) ? "unused-legacy-api-key-delivery" : secret;
        WebhookTestDelivery delivery;
        string label;
        if (payloadFile is not null)
        {
            var body = await ReadFileAsync(payloadFile, "--payload", invocation.CancellationToken).ConfigureAwait(false);
            delivery = vendor == WebhookVendorNames.Boooply ? BoooplyTestDeliveries.Create(body, signingSecret) : ClassetTestDeliveries.Create(body, signingSecret);
            label = $"{vendor} payload file";
        }
        else
        {
            delivery = catalogEvent!.CreateDelivery(signingSecret);
            label = $"{vendor} {catalogEvent.EventType}";
        }

        return (ApplyOptions(invocation, delivery, apiKey, payloadFile is not null), url, label);
    }

    public static TimeSpan Timeout(CliInvocation invocation) =>
        TimeSpan.FromSeconds(invocation.Number("--timeout", 0, MaxTimeoutSeconds, minimumExclusive: true) ?? 30);

    public static string ParseVendor(string text) => text.ToLowerInvariant() switch
    {
        WebhookVendorNames.Classet => WebhookVendorNames.Classet,
        WebhookVendorNames.Boooply => WebhookVendorNames.Boooply,
        _ => throw new CliUsageException("unknown vendor; expected classet or boooply."),
    };

    /// <summary>Reads a file's exact bytes; reports a failure without repeating the path, which could be a misplaced secret.</summary>
    public static async Task<byte[]> ReadFileAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = exception switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "access denied",
                _ => "it cannot be read",
            };
            throw new CliUsageException($"cannot read the {what} file: {reason}.", exception);
        }
    }

    private static Uri ParseUrl(string? text, string vendor)
    {
        if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"--url needs an absolute http(s) URL, e.g. http://127.0.0.1:5080/webhooks/{vendor}.");
        }

        return url;
    }

    private static WebhookTestDelivery ApplyOptions(CliInvocation invocation, WebhookTestDelivery delivery, string? apiKey, bool fromFile)
    {
        if (invocation.Has("--pretty") && invocation.Has("--python"))
        {
            throw new CliUsageException("--pretty and --python are two different reformattings; give one.");
        }

        try
        {
            return delivery switch
            {
                BoooplyTestDelivery boooply => ApplyBoooply(invocation, boooply, fromFile),
                ClassetTestDelivery classet => ApplyClasset(invocation, classet, apiKey),
                _ => delivery,
            };
        }
        catch (InvalidOperationException exception)
        {
            throw new CliUsageException(exception.Message, exception);
        }
    }

    private static BoooplyTestDelivery ApplyBoooply(CliInvocation invocation, BoooplyTestDelivery delivery, bool fromFile)
    {
        if (invocation.Value("--timestamp") is { } timestamp)
        {
            if (fromFile)
            {
                throw new CliUsageException("--timestamp changes an event's body; a --payload file is sent as it is.");
            }

            delivery = timestamp == "now"
                ? delivery.WithCurrentTimestamp()
                : DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    ? delivery.WithTimestamp(instant)
                    : throw new CliUsageException("--timestamp needs 'now' or an ISO 8601 instant such as 2026-03-21T18:35:00Z.");
        }

        delivery = invocation.Has("--wrong-secret") ? delivery.WithWrongSecret() : delivery;
        delivery = invocation.Has("--no-signature") ? delivery.WithoutSignature() : delivery;
        delivery = invocation.Has("--pretty") ? delivery.PrettyPrinted() : delivery;
        return invocation.Has("--python") ? delivery.ReserializedByPython() : delivery;
    }

    private static ClassetTestDelivery ApplyClasset(CliInvocation invocation, ClassetTestDelivery delivery, string? apiKey)
    {
        if (invocation.Has("--timestamp"))
        {
            throw new CliUsageException("--timestamp is Boooply's signed data.timestamp; Classet signs no timestamp.");
        }

        delivery = invocation.Has("--wrong-secret") ? delivery.WithWrongSecret() : delivery;
        delivery = invocation.Has("--no-signature") ? delivery.WithoutSignature() : delivery;
        delivery = !string.IsNullOrEmpty(apiKey) ? delivery.WithLegacyApiKey(apiKey) : delivery;
        delivery = invocation.Has("--pretty") ? delivery.PrettyPrinted() : delivery;
        return invocation.Has("--python") ? delivery.ReserializedByPython() : delivery;
    }
}
