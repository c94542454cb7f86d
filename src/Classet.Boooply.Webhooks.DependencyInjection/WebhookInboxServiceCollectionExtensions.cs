using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the durable webhook inbox: a store of verified deliveries, and a hosted background dispatcher that runs their
/// handlers with retries. Choose the store on the returned builder (<c>.UseSqlite(...)</c>, <c>.UsePostgreSql(...)</c>),
/// and turn the inbox on per vendor with <c>.UseInbox()</c> on <c>AddClassetWebhooks()</c> / <c>AddBoooplyWebhooks()</c>.
/// </summary>
/// <remarks>
/// Registers <see cref="IWebhookInbox"/> (for operators), <see cref="WebhookInboxHealthCheck"/> and the dispatcher (an
/// <c>IHostedService</c>, so the app must run under a host: <c>WebApplication</c> or the generic host). Metrics go to the
/// meter named in <see cref="WebhookInboxTelemetry"/>.
/// </remarks>
public static class WebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable webhook inbox, with <see cref="WebhookInboxOptions"/> bound from the configuration section
    /// <c>Webhooks:Inbox</c> of the registered <see cref="IConfiguration"/> (when there is one). The options are validated when the app starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to choose the store with. Calling this again returns a builder for the same registrations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static WebhookInboxBuilder AddWebhookInbox(this IServiceCollection services) => AddWebhookInbox(services, configure: null);

    /// <summary>
    /// Adds the durable webhook inbox, with <see cref="WebhookInboxOptions"/> bound from <c>Webhooks:Inbox</c> (when an
    /// <see cref="IConfiguration"/> is registered) and then adjusted by <paramref name="configure"/>. Validated when the app starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding.</param>
    /// <returns>A builder to choose the store with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static WebhookInboxBuilder AddWebhookInbox(this IServiceCollection services, Action<WebhookInboxOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (WebhookInboxRegistration.AddCore(services, WebhookInboxOptions.ConfigurationSectionName))
        {
            WebhookInboxRegistration.BindOptionalConfiguration(services, WebhookInboxOptions.ConfigurationSectionName);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new WebhookInboxBuilder(services);
    }

    /// <summary>
    /// Adds the durable webhook inbox, with <see cref="WebhookInboxOptions"/> bound from <paramref name="configuration"/>
    /// (for example <c>configuration.GetSection("Webhooks:Inbox")</c>). Validated when the app starts; messages name keys under
    /// that section's path.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>A builder to choose the store with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static WebhookInboxBuilder AddWebhookInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section && section.Path.Length > 0 ? section.Path : WebhookInboxOptions.ConfigurationSectionName;
        WebhookInboxRegistration.AddCore(services, path);
        WebhookInboxRegistration.Bind(services, configuration);
        return new WebhookInboxBuilder(services);
    }
}
