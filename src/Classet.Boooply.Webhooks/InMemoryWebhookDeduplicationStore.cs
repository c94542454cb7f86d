namespace Classet.Boooply.Webhooks;

/// <summary>
/// A bounded, thread-safe, in-process <see cref="IWebhookDeduplicationStore"/>: processed keys expire after
/// <see cref="InMemoryWebhookDeduplicationStoreOptions.RetentionPeriod"/>; claims in flight never expire and are never
/// evicted.
/// </summary>
/// <remarks>
/// <para>
/// It only sees the deliveries of its own process: with several instances behind a load balancer, use a shared store.
/// </para>
/// <para>
/// A claim lasts until its owner completes or releases it. There is no claim timeout: in one process a claim's owner
/// cannot die without the store dying with it, and the receivers complete or release every claim once the handlers have
/// really stopped (even handlers abandoned at <c>HandlerTimeout</c>), so expiring a claim in flight could only hand the
/// delivery to a second run beside the first.
/// </para>
/// <para>
/// At most <see cref="InMemoryWebhookDeduplicationStoreOptions.Capacity"/> keys are held. When a new claim would pass
/// it, the key processed longest ago is forgotten (a very old delivery may then be processed again rather than memory
/// growing without bound). If every key held is a claim still in flight, nothing can be forgotten safely, so
/// <see cref="TryClaimAsync"/> throws <see cref="InvalidOperationException"/>: the receivers answer 500 and the vendor
/// retries later. That takes as many deliveries in flight at once as the capacity (100,000 by default).
/// </para>
/// </remarks>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Only processed keys, in the order they were processed: with one retention period that is also the order they
    // expire in, and the order they are evicted in.
    private readonly LinkedList<Entry> _processed = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly TimeSpan _retention;

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

        _capacity = options.Capacity;
        _retention = options.RetentionPeriod;
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

    /// <summary>Gets how many of the keys held are claims still in flight (neither completed nor released).</summary>
    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count - _processed.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// The key is new, and every one of the <see cref="InMemoryWebhookDeduplicationStoreOptions.Capacity"/> keys held is
    /// a claim still in flight.
    /// </exception>
    public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            PurgeExpired(now);
            if (_entries.TryGetValue(deliveryKey, out var existing))
            {
                // Processed keys still held are within their retention (PurgeExpired ran); claims never expire.
                return new(existing.Node is null
                    ? WebhookDeduplicationClaim.InProgress(deliveryKey)
                    : WebhookDeduplicationClaim.AlreadyProcessed(deliveryKey));
            }

            if (_entries.Count >= _capacity)
            {
                if (_processed.First is not { } oldest)
                {
                    throw new InvalidOperationException(
                        $"The in-memory deduplication store holds {_entries.Count} claims still in flight (its Capacity) and cannot take another without forgetting one. Retry later, or raise InMemoryWebhookDeduplicationStoreOptions.Capacity.");
                }

                Remove(oldest.Value);
            }

            var entry = new Entry(deliveryKey, Guid.NewGuid());
            _entries.Add(deliveryKey, entry);
            return new(WebhookDeduplicationClaim.Claimed(deliveryKey, entry.Owner));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        if (!claim.IsClaimed)
        {
            return new(false);
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!TryGetOwnedClaim(claim, out var entry))
            {
                return new(false);
            }

            entry.ExpiresAt = now + _retention;
            entry.Node = _processed.AddLast(entry);
            return new(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        if (!claim.IsClaimed)
        {
            return new(false);
        }

        lock (_gate)
        {
            if (!TryGetOwnedClaim(claim, out var entry))
            {
                return new(false);
            }

            _entries.Remove(entry.Key);
            return new(true);
        }
    }

    private bool TryGetOwnedClaim(WebhookDeduplicationClaim claim, out Entry entry) =>
        _entries.TryGetValue(claim.DeliveryKey, out entry!) && entry.Node is null && entry.Owner == claim.OwnerToken;

    private void PurgeExpired(DateTimeOffset now)
    {
        while (_processed.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest.Value);
        }
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry.Key);
        if (entry.Node is { } node)
        {
            _processed.Remove(node);
        }
    }

    /// <summary>A key held: a claim in flight while <see cref="Node"/> is null, a processed key once it is set.</summary>
    private sealed class Entry(string key, Guid owner)
    {
        public string Key { get; } = key;

        public Guid Owner { get; } = owner;

        public DateTimeOffset ExpiresAt { get; set; }

        public LinkedListNode<Entry>? Node { get; set; }
    }
}
