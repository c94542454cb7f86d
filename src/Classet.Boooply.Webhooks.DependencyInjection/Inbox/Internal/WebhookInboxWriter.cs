using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// The enqueue path the endpoints use: stores a verified delivery with the app's clock and retention, then wakes the
/// dispatcher. The 200 may be sent once this returned; when it throws <see cref="WebhookInboxStoreException"/>, answer 503.
/// </summary>
internal sealed class WebhookInboxWriter
{
    private readonly IWebhookInboxStore _store;
    private readonly IOptionsMonitor<WebhookInboxOptions> _options;
    private readonly WebhookInboxSignal _signal;
    private readonly TimeProvider _time;

    public WebhookInboxWriter(IWebhookInboxStore store, IOptionsMonitor<WebhookInboxOptions> options, WebhookInboxSignal signal, TimeProvider time)
    {
        _store = store;
        _options = options;
        _signal = signal;
        _time = time;
    }

    /// <summary>Stores the delivery unless its key is known; returns once the outcome is durable.</summary>
    /// <exception cref="WebhookInboxStoreException">The delivery could not be stored.</exception>
    public async ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var result = await _store.EnqueueAsync(delivery, _time.GetUtcNow(), _options.CurrentValue.RetainCompletedFor, cancellationToken).ConfigureAwait(false);
        if (result == WebhookInboxEnqueueResult.Inserted && delivery.ParseError is null)
        {
            _signal.Notify();
        }

        return result;
    }
}
