using System.Diagnostics.Metrics;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>The one implementation behind every <c>AddWebhookInbox</c> overload.</summary>
internal static class WebhookInboxRegistration
{
    /// <summary>Registers the inbox services once. Returns whether this was the first call.</summary>
    public static bool AddCore(IServiceCollection services, string configurationPath)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(WebhookInboxMarker)))
        {
            return false;
        }

        services.AddOptions();
        services.AddSingleton(new WebhookInboxMarker(configurationPath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookInboxOptions>>(new WebhookInboxOptionsValidator(configurationPath)));
        services.AddOptions<WebhookInboxOptions>().ValidateOnStart();
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton(static provider => new WebhookInboxMetrics(provider.GetService<IMeterFactory>(), GetTime(provider)));
        services.TryAddSingleton(static provider => new WebhookInboxWriter(
            GetStore(provider), provider.GetRequiredService<IOptionsMonitor<WebhookInboxOptions>>(), provider.GetRequiredService<WebhookInboxSignal>(), GetTime(provider)));
        services.TryAddSingleton<IWebhookInbox>(static provider => new WebhookInboxService(
            GetStore(provider), provider.GetRequiredService<WebhookInboxSignal>(), GetTime(provider)));
        services.TryAddSingleton(static provider => new WebhookInboxHealthCheck(
            GetStore(provider), provider.GetRequiredService<IOptionsMonitor<WebhookInboxOptions>>(), GetTime(provider)));
        services.TryAddSingleton(static provider => new WebhookInboxDispatcher(
            GetStore(provider),
            provider.GetServices<IWebhookInboxProcessor>(),
            provider.GetRequiredService<IOptionsMonitor<WebhookInboxOptions>>(),
            provider.GetRequiredService<WebhookInboxSignal>(),
            GetTime(provider),
            provider.GetRequiredService<WebhookInboxMetrics>(),
            provider.GetService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(static provider => provider.GetRequiredService<WebhookInboxDispatcher>());
        return true;
    }

    public static void BindOptionalConfiguration(IServiceCollection services, string path) =>
        WebhookServiceRegistration.BindOptionalConfiguration<WebhookInboxOptions>(services, path, static (section, options) => section.Bind(options));

    public static void Bind(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<WebhookInboxOptions>().Bind(configuration);

    private static TimeProvider GetTime(IServiceProvider provider) => provider.GetService<TimeProvider>() ?? TimeProvider.System;

    private static IWebhookInboxStore GetStore(IServiceProvider provider) =>
        provider.GetService<IWebhookInboxStore>() ?? throw new InvalidOperationException(
            "AddWebhookInbox() was called without a store: add .UseSqlite(\"Data Source=...\") (package Classet.Boooply.Webhooks.Sqlite), .UsePostgreSql(...) (package Classet.Boooply.Webhooks.PostgreSql) or .UseStore(...).");
}
