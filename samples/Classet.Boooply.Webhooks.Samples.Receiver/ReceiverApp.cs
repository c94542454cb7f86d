using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// Builds the sample receiver: Classet and Boooply webhooks bound from configuration, typed handlers, a dead-letter hook,
/// and the durable inbox on an embedded SQLite file, so each delivery is answered as soon as it is stored and handled in
/// the background with retries. <c>Program</c> runs it; the demo starts it in-process on a free port.
/// </summary>
public static class ReceiverApp
{
    /// <summary>The path Classet deliveries are posted to.</summary>
    public const string ClassetPath = "/webhooks/classet";

    /// <summary>The path Boooply deliveries are posted to.</summary>
    public const string BoooplyPath = "/webhooks/boooply";

    /// <summary>The connection string name of the inbox's SQLite file (<c>ConnectionStrings:WebhookInbox</c>).</summary>
    public const string InboxConnectionStringName = "WebhookInbox";

    /// <summary>Builds the receiver.</summary>
    /// <param name="args">Command-line arguments, such as <c>--urls http://127.0.0.1:5080</c>.</param>
    /// <param name="configure">Adjusts the builder before the services are added (the demo adds its per-run secrets here).</param>
    /// <returns>The app, not yet started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,

            // appsettings*.json are copied beside the assembly, so this finds them whatever directory dotnet run starts in.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        builder.Services.AddSingleton<ReceivedWebhookLog>();

        // The inbox: a verified delivery is written to this SQLite file (WAL, synchronous=FULL) before the vendor gets its
        // 200, and a background dispatcher runs the handlers, retrying failures (options from "Webhooks:Inbox"). The file
        // also remembers delivery keys across restarts, so a vendor's retry of a handled delivery is answered 200 and
        // not handled twice.
        builder.Services.AddWebhookInbox()
            .UseSqlite(builder.Configuration.GetConnectionString(InboxConnectionStringName) ?? "Data Source=webhooks-inbox.db");

        // Options come from the "Webhooks:Classet" section (SigningSecrets, LegacyApiKeys, ...); they are validated at
        // startup and re-read when the configuration changes, so a rotated secret applies without a restart.
        builder.Services.AddClassetWebhooks()
            .AddHandler<ClassetInterviewUpdatedEvent, ClassetInterviewHandler>()
#pragma warning disable CS0618 // Classet deprecated call_completed; handled until it stops being sent (see the README's migration notes).
            .AddHandler<ClassetCallCompletedEvent, ClassetInterviewHandler>()
#pragma warning restore CS0618
            .AddUnknownEventHandler((webhookEvent, context, _) => RecordUnknown(context, webhookEvent.EventType, webhookEvent.EventType.Length == 0 ? "no event property" : "event " + webhookEvent.EventType))
            .AddDeadLetterHandler<DeadLetterRecorder>()
            .UseInbox();

        builder.Services.AddBoooplyWebhooks()
            .AddHandler<BoooplyTranscriptEvent, BoooplyInterviewHandler>()
            .AddHandler<BoooplyEvaluationEvent, BoooplyInterviewHandler>()
            .AddHandler<BoooplyScoresEvent, BoooplyInterviewHandler>()
            .AddHandler<BoooplyRecordingEvent, BoooplyInterviewHandler>()
            .AddUnknownEventHandler((webhookEvent, context, _) => RecordUnknown(context, webhookEvent.EventType, "meeting " + webhookEvent.MeetingCode))
            .AddDeadLetterHandler<DeadLetterRecorder>()
            .UseInbox();

        var app = builder.Build();
        app.MapGet("/", () => $"Classet.Boooply.Webhooks sample receiver: POST Classet deliveries to {ClassetPath} and Boooply deliveries to {BoooplyPath}.");
        app.MapClassetWebhooks(ClassetPath);
        app.MapBoooplyWebhooks(BoooplyPath);
        return app;
    }

    /// <summary>
    /// Waits until the inbox has nothing pending or processing: every delivery answered so far has been handled, or given
    /// up on. The demo and the tests use it to read what the handlers saw; an app has no need to.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes once the inbox is idle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static async Task WaitUntilInboxIdleAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var inbox = services.GetRequiredService<IWebhookInbox>();
        while (true)
        {
            var statistics = await inbox.GetStatisticsAsync(cancellationToken);
            if (statistics.Pending == 0 && statistics.Processing == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static Task RecordUnknown(WebhookDeliveryContext context, string eventType, string summary)
    {
        var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReceiverApp).FullName!);
        ReceiverLog.UnknownEvent(logger, context.Vendor, eventType, summary);
        context.Services.GetRequiredService<ReceivedWebhookLog>().Add(
            new ReceivedWebhook(context.Vendor, eventType, ReceivedWebhookKind.UnknownEvent, "unknown event, raw JSON kept: " + summary, context.DeliveryKey, context.Attempt));
        return Task.CompletedTask;
    }
}
