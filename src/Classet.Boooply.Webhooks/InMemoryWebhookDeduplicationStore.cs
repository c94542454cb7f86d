namespace Classet.Boooply.Webhooks;

/// <summary>
/// A bounded, thread-safe, in-process <see cref="IWebhookDeduplicationStore"/> whose keys expire.
/// </summary>
/// <remarks>
/// It only sees the deliveries of its own process: with several instances behind a load balancer, use a shared store.
/// When <see cref="InMemoryWebhookDeduplicationStoreOptions.Capacity"/> is reached the least recently changed keys are
/// forgotten first, so under a flood a very old delivery may be processed again rather than memory growing without bound.
/// </remarks>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _claimTimeout;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is not positive.</exception>
    public InMemoryWebhookDeduplicationStore(InMemoryWebhookDeduplicationStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new InMemoryWebhookDeduplicationStoreOptions();
        if (options.Capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "InMemoryWebhookDeduplicationStoreOptions.Capacity must be positive.");
        }

        if (options.RetentionPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "InMemoryWebhookDeduplicationStoreOptions.RetentionPeriod must be positive.");
        }

        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "InMemoryWebhookDeduplicationStoreOptions.ClaimTimeout must be positive.");
        }

        _capacity = options.Capacity;
        _retention = options.RetentionPeriod;
        _claimTimeout = options.ClaimTimeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets how many keys (claimed or processed, not yet expired or evicted) are held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    public ValueTask<WebhookDeduplicationStatus> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            PurgeExpired(now);
            if (_entries.TryGetValue(deliveryKey, out var existing))
            {
                if (existing.Value.ExpiresAt > now)
                {
                    return new(existing.Value.Completed ? WebhookDeduplicationStatus.AlreadyProcessed : WebhookDeduplicationStatus.InProgress);
                }

                Remove(existing);
            }

            while (_entries.Count >= _capacity && _order.First is { } oldest)
            {
                Remove(oldest);
            }

            var node = _order.AddLast(new Entry(deliveryKey, now + _claimTimeout, Completed: false));
            _entries.Add(deliveryKey, node);
            return new(WebhookDeduplicationStatus.Claimed);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    public ValueTask CompleteAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(deliveryKey, out var existing))
            {
                Remove(existing);
            }

            while (_entries.Count >= _capacity && _order.First is { } oldest)
            {
                Remove(oldest);
            }

            // Moving the key to the tail keeps the list ordered by last change, so eviction drops the stalest first.
            var node = _order.AddLast(new Entry(deliveryKey, now + _retention, Completed: true));
            _entries.Add(deliveryKey, node);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    public ValueTask ReleaseAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        lock (_gate)
        {
            // A processed key stays processed: only an open claim can be given up.
            if (_entries.TryGetValue(deliveryKey, out var existing) && !existing.Value.Completed)
            {
                Remove(existing);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void PurgeExpired(DateTimeOffset now)
    {
        // The list is ordered by last change, not by expiry, so this stops at the first live entry; the rest expire
        // lazily on lookup and the capacity bound holds regardless.
        while (_order.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _order.Remove(node);
    }

    private readonly record struct Entry(string Key, DateTimeOffset ExpiresAt, bool Completed);
}
