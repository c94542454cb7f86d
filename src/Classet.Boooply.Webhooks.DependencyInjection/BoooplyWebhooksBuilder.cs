using System.Diagnostics.CodeAnalysis;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// Adds handlers, a dead-letter hook and deduplication to the Boooply webhook services; returned by
/// <c>services.AddBoooplyWebhooks(...)</c>. Every method returns this builder, so calls chain.
/// </summary>
/// <remarks>
/// Nothing is discovered by scanning assemblies: handlers are registered explicitly, which keeps the app trimming- and
/// AOT-safe. Registering the same handler type for the same event type (or the same delegate) twice has no effect.
/// </remarks>
public sealed class BoooplyWebhooksBuilder
{
    internal BoooplyWebhooksBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection the webhook services are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a handler for events of type <typeparamref name="TEvent"/> and every type derived from it
    /// (so a handler for <see cref="BoooplyWebhookEvent"/> sees every Boooply event). Handlers matching an event run one after
    /// another in registration order.
    /// </summary>
    /// <typeparam name="TEvent">The event type handled.</typeparam>
    /// <typeparam name="THandler">
    /// The handler. Unless the application registered it itself, it is registered as scoped: one instance per delivery,
    /// resolved in the delivery's scope, so it may depend on scoped services such as a <c>DbContext</c>.
    /// </typeparam>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : BoooplyWebhookEvent
        where THandler : class, IWebhookHandler<TEvent>
    {
        WebhookServiceRegistration.AddHandler<BoooplyWebhookEvent, TEvent, THandler>(Services);
        return this;
    }

    /// <summary>Registers a delegate handler for events of type <typeparamref name="TEvent"/> and every type derived from it.</summary>
    /// <typeparam name="TEvent">The event type handled.</typeparam>
    /// <param name="handler">
    /// The handler. Use <see cref="WebhookDeliveryContext.Services"/> to resolve scoped services of the delivery.
    /// </param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public BoooplyWebhooksBuilder AddHandler<TEvent>(Func<TEvent, WebhookDeliveryContext, CancellationToken, Task> handler)
        where TEvent : BoooplyWebhookEvent
    {
        WebhookServiceRegistration.AddHandler<BoooplyWebhookEvent, TEvent>(Services, handler);
        return this;
    }

    /// <summary>
    /// Registers a handler for events this version of the SDK does not know (<see cref="BoooplyUnknownEvent"/>, which keeps
    /// the raw JSON). Such deliveries are answered 200 whether or not an unknown-event handler is registered.
    /// </summary>
    /// <typeparam name="THandler">The handler; registered as scoped unless the application registered it itself.</typeparam>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder AddUnknownEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IWebhookHandler<BoooplyUnknownEvent> => AddHandler<BoooplyUnknownEvent, THandler>();

    /// <summary>Registers a delegate handler for events this version of the SDK does not know.</summary>
    /// <param name="handler">The handler; <see cref="BoooplyUnknownEvent.RawJson"/> holds the payload.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public BoooplyWebhooksBuilder AddUnknownEventHandler(Func<BoooplyUnknownEvent, WebhookDeliveryContext, CancellationToken, Task> handler) =>
        AddHandler(handler);

    /// <summary>
    /// Registers a dead-letter handler: it receives every delivery that verified but could not be parsed (answered 400),
    /// with an owned copy of the body, so nothing authentic is lost. If it throws, the delivery is answered 500 so the
    /// vendor retries.
    /// </summary>
    /// <typeparam name="THandler">The handler; registered as scoped unless the application registered it itself.</typeparam>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder AddDeadLetterHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IWebhookDeadLetterHandler
    {
        WebhookServiceRegistration.AddDeadLetterHandler<BoooplyWebhookEvent, THandler>(Services);
        return this;
    }

    /// <summary>Registers a delegate dead-letter handler; see <see cref="AddDeadLetterHandler{THandler}()"/>.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public BoooplyWebhooksBuilder AddDeadLetterHandler(Func<WebhookDeadLetter, CancellationToken, Task> handler)
    {
        WebhookServiceRegistration.AddDeadLetterHandler<BoooplyWebhookEvent>(Services, handler);
        return this;
    }

    /// <summary>
    /// Turns deduplication on with the in-process <see cref="InMemoryWebhookDeduplicationStore"/>: a delivery whose key
    /// (<c>"{meetingCode}:{event}"</c>, Boooply's idempotency key) was already handled successfully is answered 200 without calling handlers again.
    /// Off by default, because a later, different delivery of the same event for the same meeting (a re-evaluation, say) would then be dropped.
    /// </summary>
    /// <param name="configure">Adjusts the store's capacity and retention; <see langword="null"/> for the defaults.</param>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder AddDeduplication(Action<InMemoryWebhookDeduplicationStoreOptions>? configure = null)
    {
        WebhookServiceRegistration.AddInMemoryDeduplication<BoooplyWebhookEvent>(Services, configure);
        return this;
    }

    /// <summary>Turns deduplication on with a store of the application's (for example one shared by several instances).</summary>
    /// <typeparam name="TStore">The store; registered as a singleton unless the application registered it itself.</typeparam>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder AddDeduplication<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookDeduplicationStore
    {
        Services.TryAddSingleton<TStore>();
        WebhookServiceRegistration.AddDeduplication<BoooplyWebhookEvent>(Services, static provider => provider.GetRequiredService<TStore>());
        return this;
    }

    /// <summary>Turns deduplication on with a store built by a factory (called when the receiver is first resolved, for example when the endpoint is mapped).</summary>
    /// <param name="storeFactory">Builds the store from the application's services.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="storeFactory"/> is <see langword="null"/>.</exception>
    public BoooplyWebhooksBuilder AddDeduplication(Func<IServiceProvider, IWebhookDeduplicationStore> storeFactory)
    {
        ArgumentNullException.ThrowIfNull(storeFactory);
        WebhookServiceRegistration.AddDeduplication<BoooplyWebhookEvent>(Services, storeFactory);
        return this;
    }

    /// <summary>Turns deduplication off again (for example in a test host), whichever store was configured.</summary>
    /// <returns>This builder.</returns>
    public BoooplyWebhooksBuilder RemoveDeduplication()
    {
        Services.RemoveAll<WebhookDeduplicationRegistration<BoooplyWebhookEvent>>();
        return this;
    }
}
