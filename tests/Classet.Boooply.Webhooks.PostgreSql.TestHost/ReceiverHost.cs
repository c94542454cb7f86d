using System.Globalization;
using System.Net;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.PostgreSql.TestHost;

/// <summary>
/// One receiver instance of an app as a user writes it: Kestrel on a free loopback port, the Boooply endpoint with
/// <c>UseInbox()</c>, and the inbox on the shared PostgreSQL schema. Its handler appends
/// "start|done &lt;delivery key&gt; &lt;attempt&gt; &lt;unix ms&gt;" to the log file.
/// </summary>
internal static class ReceiverHost
{
    public const string Usage = "usage: TestHost receiver <connection string> <schema> <log file> <lease seconds> <max concurrency> <handler milliseconds> <signing secret>";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 8)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (connectionString, schema, logFile, secret) = (args[1], args[2], args[3], args[7]);
        var lease = TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture));
        var concurrency = int.Parse(args[5], CultureInfo.InvariantCulture);
        var handlerTime = TimeSpan.FromMilliseconds(int.Parse(args[6], CultureInfo.InvariantCulture));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration["Webhooks:Boooply:SigningSecrets:0"] = secret;
        using var handlerLog = new HandlerLog(logFile, handlerTime);
        builder.Services.AddSingleton(handlerLog);

        builder.Services.AddWebhookInbox(options =>
        {
            options.LeaseDuration = lease;
            options.MaxConcurrency = concurrency;
            options.PollInterval = TimeSpan.FromSeconds(1);
            options.RetryDelays.Clear();
            options.RetryDelays.Add(TimeSpan.FromSeconds(1));
        }).UsePostgreSql(connectionString, store => store.SchemaName = schema);
        builder.Services.AddBoooplyWebhooks().AddHandler<BoooplyEvaluationEvent, LoggingEvaluationHandler>().UseInbox();

        await using var app = builder.Build();
        app.MapBoooplyWebhooks("/webhooks/boooply");
        await app.StartAsync();

        // Ready once the store answers (its schema made, by this instance or another starting beside it).
        var inbox = app.Services.GetRequiredService<IWebhookInbox>();
        using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (true)
            {
                try
                {
                    await inbox.GetStatisticsAsync(ready.Token);
                    break;
                }
                catch (WebhookInboxStoreException)
                {
                    await Task.Delay(100, ready.Token);
                }
            }
        }

        Console.WriteLine("ready " + app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
