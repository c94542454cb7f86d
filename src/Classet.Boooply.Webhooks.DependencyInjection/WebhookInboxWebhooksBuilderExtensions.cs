using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Turns the durable inbox on for a vendor: <c>services.AddClassetWebhooks(...).UseInbox()</c> and
/// <c>services.AddBoooplyWebhooks(...).UseInbox()</c>. Needs <c>services.AddWebhookInbox(...)</c> with a store
/// (<c>.UseSqlite(...)</c> or <c>.UsePostgreSql(...)</c>).
/// </summary>
/// <remarks>
/// <para>
/// With the inbox, the receiver (and so <c>MapClassetWebhooks</c> / <c>MapBoooplyWebhooks</c>) no longer runs handlers in
/// the request. It verifies and parses the delivery, writes it to the store, and answers once the write has committed:
/// 200 when it was stored (<see cref="WebhookReceiveOutcome.Stored"/>) or was already known
/// (<see cref="WebhookReceiveOutcome.Duplicate"/>: pending, processing, completed within
/// <see cref="WebhookInboxOptions.RetainCompletedFor"/>, or failed), and 503 when the store could not commit
/// (<see cref="WebhookReceiveOutcome.StoreUnavailable"/>), so that the vendor retries. A body that verified but does not
/// parse is stored too and answered 400; the dead-letter handlers run for it in the background, and it ends
/// <see cref="WebhookInboxState.Failed"/> with the parse error, replayable after a fix.
/// </para>
/// <para>
/// The inbox's hosted dispatcher then runs the same handlers in a fresh scope per attempt, with
/// <see cref="WebhookDeliveryContext.Attempt"/> set, <see cref="WebhookInboxOptions.HandlerTimeout"/> as the timeout, and
/// retries on <see cref="WebhookInboxOptions.RetryDelays"/>; after <see cref="WebhookInboxOptions.MaxAttempts"/> failures
/// the dead-letter handlers get the delivery (<see cref="WebhookDeadLetter.Error"/> <see langword="null"/>,
/// <see cref="WebhookDeadLetter.Attempts"/> set) and the entry stays <see cref="WebhookInboxState.Failed"/>. The in-process
/// deduplication of <c>AddDeduplication()</c> is not used: the store's unique <c>(vendor, delivery key)</c> replaces it.
/// </para>
/// </remarks>
public static class WebhookInboxWebhooksBuilderExtensions
{
    private const string MissingInbox =
        "UseInbox() was called, but the inbox is not registered: add services.AddWebhookInbox().UseSqlite(\"Data Source=...\") " +
        "(package Classet.Boooply.Webhooks.Sqlite) or .UsePostgreSql(...) (package Classet.Boooply.Webhooks.PostgreSql).";

    /// <summary>Stores Classet deliveries in the durable inbox and runs their handlers in the background.</summary>
    /// <param name="builder">The Classet webhook builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ClassetWebhooksBuilder UseInbox(this ClassetWebhooksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, ClassetWebhookVendor.Instance);
        return builder;
    }

    /// <summary>Stores Boooply deliveries in the durable inbox and runs their handlers in the background.</summary>
    /// <param name="builder">The Boooply webhook builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static BoooplyWebhooksBuilder UseInbox(this BoooplyWebhooksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, BoooplyWebhookVendor.Instance);
        return builder;
    }

    private static void Register<TEvent, [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier>(
        IServiceCollection services,
        WebhookVendor<TEvent, TOptions, TVerifier> vendor)
        where TEvent : class
        where TOptions : WebhookOptions
        where TVerifier : class
    {
        WebhookServiceRegistration.UseDeliveryStore<TEvent>(services, static provider =>
            new WebhookInboxDeliveryStore(provider.GetService<WebhookInboxWriter>() ?? throw new InvalidOperationException(MissingInbox)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookInboxProcessor, WebhookInboxProcessor<TEvent, TOptions, TVerifier>>(
            provider => new WebhookInboxProcessor<TEvent, TOptions, TVerifier>(provider, vendor)));
    }
}
