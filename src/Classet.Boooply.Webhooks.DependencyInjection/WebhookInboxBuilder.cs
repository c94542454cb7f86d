using System.Diagnostics.CodeAnalysis;
using Classet.Boooply.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// Chooses where the durable webhook inbox keeps its entries; returned by <c>services.AddWebhookInbox(...)</c>. Store
/// packages add their own methods on it (<c>UseSqlite</c> in <c>Classet.Boooply.Webhooks.Sqlite</c>, <c>UsePostgreSql</c>
/// in <c>Classet.Boooply.Webhooks.PostgreSql</c>); <see cref="UseStore(Func{IServiceProvider, IWebhookInboxStore})"/> plugs in any other.
/// </summary>
/// <remarks>One store per app: the last <c>UseXxx</c> call wins. Without one, the app fails at startup with a message saying so.</remarks>
public sealed class WebhookInboxBuilder
{
    internal WebhookInboxBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection the inbox services are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses a store built by a factory, called once (the store is a singleton, disposed with the container).</summary>
    /// <param name="storeFactory">Builds the store from the application's services.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="storeFactory"/> is <see langword="null"/>.</exception>
    public WebhookInboxBuilder UseStore(Func<IServiceProvider, IWebhookInboxStore> storeFactory)
    {
        ArgumentNullException.ThrowIfNull(storeFactory);
        Services.Replace(ServiceDescriptor.Singleton<IWebhookInboxStore>(storeFactory));
        return this;
    }

    /// <summary>Uses a store type, resolved from the container (registered as a singleton unless the application registered it).</summary>
    /// <typeparam name="TStore">The store.</typeparam>
    /// <returns>This builder.</returns>
    public WebhookInboxBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookInboxStore
    {
        Services.TryAddSingleton<TStore>();
        return UseStore(static provider => provider.GetRequiredService<TStore>());
    }
}
