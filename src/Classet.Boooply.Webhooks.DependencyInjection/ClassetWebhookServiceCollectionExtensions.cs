using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the services that receive Classet webhooks: options, startup validation, verifier, handlers and the
/// <see cref="ClassetWebhookReceiver"/> that runs the delivery pipeline on any host.
/// </summary>
/// <remarks>
/// In the <c>Microsoft.Extensions.DependencyInjection</c> namespace, as ASP.NET Core's own <c>AddXxx</c> extensions are,
/// so they show up on <see cref="IServiceCollection"/> without an extra <c>using</c>.
/// </remarks>
public static class ClassetWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Classet webhook services, with <see cref="ClassetWebhookOptions"/> bound from the configuration section
    /// <c>Webhooks:Classet</c> of the registered <see cref="IConfiguration"/> (reloaded when it changes, so a rotated secret applies
    /// without a restart). The options are validated when the app starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add handlers with. Calling this again returns a builder for the same registrations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static ClassetWebhooksBuilder AddClassetWebhooks(this IServiceCollection services) => AddClassetWebhooks(services, configure: null);

    /// <summary>
    /// Adds the Classet webhook services, with <see cref="ClassetWebhookOptions"/> bound from the configuration section
    /// <c>Webhooks:Classet</c> (when an <see cref="IConfiguration"/> is registered) and then adjusted by <paramref name="configure"/>.
    /// The options are validated when the app starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding.</param>
    /// <returns>A builder to add handlers with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static ClassetWebhooksBuilder AddClassetWebhooks(this IServiceCollection services, Action<ClassetWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (AddCore(services, ClassetWebhookOptions.ConfigurationSectionName))
        {
            WebhookServiceRegistration.BindOptionalConfiguration<ClassetWebhookOptions>(
                services,
                ClassetWebhookOptions.ConfigurationSectionName,
                static (section, options) => section.Bind(options));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new ClassetWebhooksBuilder(services);
    }

    /// <summary>
    /// Adds the Classet webhook services, with <see cref="ClassetWebhookOptions"/> bound from <paramref name="configuration"/>
    /// (typically <c>configuration.GetSection("Webhooks:Classet")</c>) and reloaded when it changes. The options are validated when the
    /// app starts; messages name keys under that section's path.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>A builder to add handlers with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static ClassetWebhooksBuilder AddClassetWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section && section.Path.Length > 0 ? section.Path : ClassetWebhookOptions.ConfigurationSectionName;
        AddCore(services, path);
        services.AddOptions<ClassetWebhookOptions>().Bind(configuration);
        return new ClassetWebhooksBuilder(services);
    }

    private static bool AddCore(IServiceCollection services, string path)
    {
        if (!WebhookServiceRegistration.AddCore<ClassetWebhookEvent, ClassetWebhookOptions, ClassetWebhookVerifier>(
            services,
            path,
            new ClassetWebhookOptionsValidator(path),
            static options => new ClassetWebhookVerifier(options)))
        {
            return false;
        }

        services.TryAddSingleton(static provider => new ClassetWebhookReceiver(provider));
        return true;
    }
}
