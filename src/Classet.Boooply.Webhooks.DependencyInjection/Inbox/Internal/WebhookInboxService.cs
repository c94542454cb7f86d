namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>The <see cref="IWebhookInbox"/> operators resolve: the store's read side, and replay with a wake-up.</summary>
internal sealed class WebhookInboxService : IWebhookInbox
{
    public const int MaxPageSize = 1000;

    private readonly IWebhookInboxStore _store;
    private readonly WebhookInboxSignal _signal;
    private readonly TimeProvider _time;

    public WebhookInboxService(IWebhookInboxStore store, WebhookInboxSignal signal, TimeProvider time)
    {
        _store = store;
        _signal = signal;
        _time = time;
    }

    public async Task<WebhookInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        await _store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState state, int limit = 100, long? afterId = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a defined WebhookInboxState.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        return await _store.ListAsync(state, afterId, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookInboxEntry?> GetAsync(long entryId, CancellationToken cancellationToken = default) =>
        await _store.GetAsync(entryId, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ReplayAsync(long entryId, CancellationToken cancellationToken = default)
    {
        var replayed = await _store.ReplayAsync(entryId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (replayed)
        {
            _signal.Notify();
        }

        return replayed;
    }
}
