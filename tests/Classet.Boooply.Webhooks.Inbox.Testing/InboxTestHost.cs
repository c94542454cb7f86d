using Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>
/// One app instance with the inbox: the real registrations of <c>AddWebhookInbox</c>, a store, test processors, and
/// the dispatcher started and stopped as a host would. Two hosts on one database behave as two processes would.
/// </summary>
internal sealed class InboxTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private bool _started;
    private bool _stopped;

    public InboxTestHost(
        Func<IServiceProvider, IWebhookInboxStore> storeFactory,
        TimeProvider time,
        Action<WebhookInboxOptions>? configure = null,
        params TestProcessor[] processors)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddWebhookInbox(options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(200);
            options.RetryJitter = 0;
            configure?.Invoke(options);
        }).UseStore(storeFactory);
        foreach (var processor in processors)
        {
            services.AddSingleton<IWebhookInboxProcessor>(processor);
        }

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Time = time;
    }

    public IServiceProvider Services => _provider;

    public TimeProvider Time { get; }

    public IWebhookInboxStore Store => _provider.GetRequiredService<IWebhookInboxStore>();

    public IWebhookInbox Inbox => _provider.GetRequiredService<IWebhookInbox>();

    public WebhookInboxWriter Writer => _provider.GetRequiredService<WebhookInboxWriter>();

    public WebhookInboxDispatcher Dispatcher => _provider.GetRequiredService<WebhookInboxDispatcher>();

    public Task StartAsync()
    {
        _started = true;
        return Dispatcher.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (_started && !_stopped)
        {
            _stopped = true;
            await Dispatcher.StopAsync(CancellationToken.None);
        }
    }

    public ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery) => Writer.EnqueueAsync(delivery, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _provider.DisposeAsync();
    }
}
