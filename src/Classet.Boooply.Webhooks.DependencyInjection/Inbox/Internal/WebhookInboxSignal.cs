using System.Threading.Channels;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// Wakes the dispatcher when this process stored a delivery or replayed an entry, so it need not wait for the next poll.
/// Signals coalesce: many enqueues while the dispatcher is busy cause one wake-up.
/// </summary>
internal sealed class WebhookInboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Wakes the dispatcher (or makes its next wait return at once).</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Completes when <see cref="Notify"/> was called since the last wait, consuming the signal.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Consumes a pending signal without waiting; returns whether there was one.</summary>
    public bool TryConsume() => _channel.Reader.TryRead(out _);
}
