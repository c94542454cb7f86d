using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Inbox.CrashHost;

/// <summary>
/// A receiver as an app would run it: Kestrel on 127.0.0.1, <c>MapBoooplyWebhooks</c> with <c>UseInbox()</c> on a SQLite
/// file. Its handler takes a few milliseconds and then appends <c>handled &lt;key&gt; &lt;attempt&gt;</c> to the marker file
/// (the side effect the parent counts); once listening, it writes its address to the URL file.
/// </summary>
internal static class ReceiverHost
{
    public static async Task<int> RunAsync(string database, string marker, string urlFile, TimeSpan lease, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var log = new FileStream(marker, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var gate = new SemaphoreSlim(1, 1);
        builder.Services.AddWebhookInbox(options =>
            {
                options.LeaseDuration = lease;
                options.PollInterval = TimeSpan.FromMilliseconds(200);
                options.RetryDelays.Add(TimeSpan.FromMilliseconds(100));
                options.RetryJitter = 0;
            })
            .UseSqlite($"Data Source={database}");
        builder.Services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(secret))
            .AddHandler<BoooplyWebhookEvent>(async (webhookEvent, context, cancellationToken) =>
            {
                await Task.Delay(Random.Shared.Next(1, 10), cancellationToken);
                var line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"handled {context.DeliveryKey} {context.Attempt}\n"));
                await gate.WaitAsync(CancellationToken.None);
                try
                {
                    // Flushed to the OS at once: a SIGKILL loses no line that was written.
                    log.Write(line);
                    log.Flush();
                }
                finally
                {
                    gate.Release();
                }
            })
            .UseInbox();

        await using var app = builder.Build();
        app.MapBoooplyWebhooks("/webhooks/boooply");
        await app.StartAsync();
        await File.WriteAllTextAsync(urlFile + ".tmp", app.Urls.Single());
        File.Move(urlFile + ".tmp", urlFile, overwrite: true);
        await app.WaitForShutdownAsync();
        await log.DisposeAsync();
        return 0;
    }
}
