using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

/// <summary>A minimal-API app hosting the webhook endpoints, in memory (TestServer) or on a real Kestrel socket.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    private WebhookTestHost(WebApplication app, HttpClient client, CapturingLoggerProvider logs, Uri? baseAddress)
    {
        App = app;
        Client = client;
        Logs = logs;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public Uri? BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WebhookTestHost> StartAsync(
        Action<WebApplicationBuilder> configure,
        Action<WebApplication>? map = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton<DeliveryRecorder>();
        configure(builder);
        var app = builder.Build();
        if (map is null)
        {
            app.MapClassetWebhooks("/webhooks/classet");
            app.MapBoooplyWebhooks("/webhooks/boooply");
        }
        else
        {
            map(app);
        }

        await app.StartAsync();
        if (!kestrel)
        {
            return new WebhookTestHost(app, app.GetTestClient(), logs, null);
        }

        var address = new Uri(app.Urls.Single());
        address.Port.Should().NotBe(0, "Kestrel reports the port it bound");
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        return new WebhookTestHost(app, client, logs, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
