using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Classet.Boooply.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>The one implementation behind every AddXxxWebhooks overload and builder method, for both vendors.</summary>
internal static class WebhookServiceRegistration
{
    /// <summary>Registers what a vendor's receiver needs. Returns whether this was the first call for that vendor.</summary>
    public static bool AddCore<TBase, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier>(
        IServiceCollection services,
        string configurationPath,
        IValidateOptions<TOptions> validator,
        Func<TOptions, TVerifier> verifierFactory)
        where TBase : class
        where TOptions : class
        where TVerifier : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(WebhookServicesMarker<TBase>)))
        {
            return false;
        }

        services.AddOptions();
        services.AddSingleton(new WebhookServicesMarker<TBase>(configurationPath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddSingleton(provider => new WebhookVerifierProvider<TOptions, TVerifier>(
            provider.GetRequiredService<IOptionsMonitor<TOptions>>(), verifierFactory));
        services.TryAddSingleton(provider => new WebhookHandlerRegistry<TBase>(
            provider.GetServices<WebhookHandlerRegistration<TBase>>()));
        services.TryAddSingleton(static provider => new WebhookDispatcher<TBase>(provider));
        services.TryAddSingleton(static provider => new WebhookReceiverMetrics(provider.GetService<IMeterFactory>()));
        return true;
    }

    /// <summary>
    /// Binds <paramref name="sectionPath"/> of the registered <see cref="IConfiguration"/> (when there is one) into the
    /// options and reloads them when it changes. Without an <see cref="IConfiguration"/> the options come from code only.
    /// </summary>
    public static void BindOptionalConfiguration<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string sectionPath,
        Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                bind(configuration.GetSection(sectionPath), options);
            }
        });
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(provider =>
            new OptionalConfigurationChangeTokenSource<TOptions>(provider.GetService<IConfiguration>()));
    }

    public static void AddHandler<TBase, TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(IServiceCollection services)
        where TBase : class
        where TEvent : class, TBase
        where THandler : class, IWebhookHandler<TEvent>
    {
        // A handler the application registered itself (any lifetime) is kept; otherwise one instance per delivery scope.
        services.TryAddScoped<THandler>();
        var identity = (typeof(TEvent), typeof(THandler));
        if (!Contains<WebhookHandlerRegistration<TBase>>(services, registration => registration.Identity.Equals(identity)))
        {
            services.AddSingleton(new WebhookHandlerRegistration<TBase>(
                typeof(TEvent),
                identity,
                static webhookEvent => webhookEvent is TEvent,
                static (provider, webhookEvent, context, cancellationToken) =>
                    provider.GetRequiredService<THandler>().HandleAsync((TEvent)webhookEvent, context, cancellationToken)));
        }
    }

    public static void AddHandler<TBase, TEvent>(IServiceCollection services, Func<TEvent, WebhookDeliveryContext, CancellationToken, Task> handler)
        where TBase : class
        where TEvent : class, TBase
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!Contains<WebhookHandlerRegistration<TBase>>(services, registration => registration.Identity.Equals(handler)))
        {
            services.AddSingleton(new WebhookHandlerRegistration<TBase>(
                typeof(TEvent),
                handler,
                static webhookEvent => webhookEvent is TEvent,
                (_, webhookEvent, context, cancellationToken) => handler((TEvent)webhookEvent, context, cancellationToken)));
        }
    }

    public static void AddDeadLetterHandler<TBase, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(IServiceCollection services)
        where TBase : class
        where THandler : class, IWebhookDeadLetterHandler
    {
        services.TryAddScoped<THandler>();
        if (!Contains<WebhookDeadLetterRegistration<TBase>>(services, registration => registration.Identity.Equals(typeof(THandler))))
        {
            services.AddSingleton(new WebhookDeadLetterRegistration<TBase>(
                typeof(THandler),
                static (provider, deadLetter, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync(deadLetter, cancellationToken)));
        }
    }

    public static void AddDeadLetterHandler<TBase>(IServiceCollection services, Func<WebhookDeadLetter, CancellationToken, Task> handler)
        where TBase : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!Contains<WebhookDeadLetterRegistration<TBase>>(services, registration => registration.Identity.Equals(handler)))
        {
            services.AddSingleton(new WebhookDeadLetterRegistration<TBase>(handler, (_, deadLetter, cancellationToken) => handler(deadLetter, cancellationToken)));
        }
    }

    public static void AddInMemoryDeduplication<TBase>(IServiceCollection services, Action<InMemoryWebhookDeduplicationStoreOptions>? configure)
        where TBase : class
    {
        var options = services.AddOptions<InMemoryWebhookDeduplicationStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // One store for both vendors: the receivers prefix keys with the vendor name.
        services.TryAddSingleton(provider => new InMemoryWebhookDeduplicationStore(
            provider.GetRequiredService<IOptions<InMemoryWebhookDeduplicationStoreOptions>>().Value,
            provider.GetService<TimeProvider>()));
        AddDeduplication<TBase>(services, static provider => provider.GetRequiredService<InMemoryWebhookDeduplicationStore>());
    }

    public static void AddDeduplication<TBase>(IServiceCollection services, Func<IServiceProvider, IWebhookDeduplicationStore> storeFactory)
        where TBase : class
    {
        ArgumentNullException.ThrowIfNull(storeFactory);
        services.Replace(ServiceDescriptor.Singleton(new WebhookDeduplicationRegistration<TBase>(storeFactory)));
    }

    /// <summary>
    /// Routes the vendor's verified deliveries to a store instead of inline dispatch (the inbox seam; see
    /// <see cref="IWebhookDeliveryStore"/>). The factory runs when the vendor's receiver is first resolved.
    /// </summary>
    public static void UseDeliveryStore<TBase>(IServiceCollection services, Func<IServiceProvider, IWebhookDeliveryStore> storeFactory)
        where TBase : class
    {
        ArgumentNullException.ThrowIfNull(storeFactory);
        services.Replace(ServiceDescriptor.Singleton(new WebhookDeliveryStoreRegistration<TBase>(storeFactory)));
    }

    private static bool Contains<TRegistration>(IServiceCollection services, Func<TRegistration, bool> predicate)
        where TRegistration : class =>
        services.Any(descriptor => descriptor.ServiceType == typeof(TRegistration)
            && descriptor.ImplementationInstance is TRegistration registration
            && predicate(registration));
}
