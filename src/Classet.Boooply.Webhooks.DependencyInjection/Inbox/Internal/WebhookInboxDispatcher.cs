using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// The inbox's background worker: claims due entries with a lease, runs each through its vendor's processor (at most
/// <c>MaxConcurrency</c> at once), and records the outcome: completed, rescheduled with backoff and jitter, or failed after
/// the last attempt. A heartbeat renews the leases of running entries, so a lease outlives any handler that is still
/// running, and only a dead (or stalled) worker's entries are taken over.
/// </summary>
internal sealed class WebhookInboxDispatcher : BackgroundService
{
    /// <summary>The longest an error message kept in the store may be.</summary>
    internal const int MaxErrorLength = 4000;

    private static readonly TimeSpan MaxStoreBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan[] StoreWriteRetryDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    private readonly IWebhookInboxStore _store;
    private readonly Dictionary<string, IWebhookInboxProcessor> _processors;
    private readonly IOptionsMonitor<WebhookInboxOptions> _options;
    private readonly WebhookInboxSignal _signal;
    private readonly WebhookInboxSignal _slotFreed = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WebhookInboxMetrics _metrics;
    private readonly ConcurrentDictionary<Guid, RunningEntry> _running = new();
    private readonly string _vendors;
    private CancellationToken _stopping;

    public WebhookInboxDispatcher(
        IWebhookInboxStore store,
        IEnumerable<IWebhookInboxProcessor> processors,
        IOptionsMonitor<WebhookInboxOptions> options,
        WebhookInboxSignal signal,
        TimeProvider time,
        WebhookInboxMetrics metrics,
        ILoggerFactory? loggerFactory)
    {
        _store = store;
        _processors = new Dictionary<string, IWebhookInboxProcessor>(StringComparer.Ordinal);
        foreach (var processor in processors)
        {
            _processors.TryAdd(processor.Vendor, processor);
        }

        _vendors = _processors.Count == 0 ? "(none yet)" : string.Join(", ", _processors.Keys);
        _options = options;
        _signal = signal;
        _time = time;
        _metrics = metrics;
        _logger = loggerFactory?.CreateLogger(WebhookInboxLog.Category) ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Gets this dispatcher's lease owner name: host, process id and a random suffix.</summary>
    public string Owner { get; }

    /// <summary>Gets the number of entries whose handlers are running now (including any that ignore their token past the timeout).</summary>
    public int RunningCount => _running.Count;

    /// <summary>Draws jitter: a number in [0, 1). Replaceable for tests.</summary>
    internal Func<double> NextRandom { get; set; } = Random.Shared.NextDouble;

    /// <summary>How often gauges are refreshed from the store while someone listens.</summary>
    internal TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The delay before the attempt after <paramref name="failedAttempt"/>, with jitter.</summary>
    internal TimeSpan GetRetryDelay(int failedAttempt, WebhookInboxOptions options)
    {
        var delays = options.GetEffectiveRetryDelays();
        var baseDelay = delays[Math.Clamp(failedAttempt - 1, 0, delays.Count - 1)];
        var factor = 1 + (options.RetryJitter * ((2 * NextRandom()) - 1));
        return TimeSpan.FromTicks((long)(baseDelay.Ticks * factor));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave StartAsync at once: the host starts the other services (and the endpoint) meanwhile.
        await Task.Yield();
        _stopping = stoppingToken;
        var maxConcurrency = _options.CurrentValue.MaxConcurrency;
        WebhookInboxLog.DispatcherStarted(_logger, Owner, _vendors, maxConcurrency);
        try
        {
            await _store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not fatal: the endpoint answers 503 meanwhile, and every later store call tries again.
            WebhookInboxLog.StoreUnavailable(_logger, "be prepared", _options.CurrentValue.PollInterval, exception);
        }

        // A store that hears of other instances' work (LISTEN/NOTIFY) wakes this dispatcher as a local enqueue does.
        var wakeUpSource = _store as IWebhookInboxWakeUpSource;
        if (wakeUpSource is not null)
        {
            wakeUpSource.WorkAvailable += OnWorkAvailable;
        }

        using var background = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = Task.Run(() => HeartbeatLoopAsync(background.Token), CancellationToken.None);
        var maintenance = Task.Run(() => MaintenanceLoopAsync(stoppingToken), CancellationToken.None);
        try
        {
            await ClaimLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            if (wakeUpSource is not null)
            {
                wakeUpSource.WorkAvailable -= OnWorkAvailable;
            }

            await DrainAsync().ConfigureAwait(false);
            await background.CancelAsync().ConfigureAwait(false);
            await IgnoreFailureAsync(heartbeat).ConfigureAwait(false);
            await IgnoreFailureAsync(maintenance).ConfigureAwait(false);
        }
    }

    private void OnWorkAvailable(object? sender, EventArgs e) => _signal.Notify();

    private async Task ClaimLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            var free = options.MaxConcurrency - _running.Count;
            var claimedAllDue = true;
            var now = _time.GetUtcNow();
            if (free > 0)
            {
                // Taken before the claim: a delivery stored after this point signals again and is not missed.
                _signal.TryConsume();
                IReadOnlyList<WebhookInboxEntry> claimed;
                try
                {
                    claimed = await _store.ClaimAsync(Owner, free, now, options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                    backoff = TimeSpan.Zero;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    backoff = backoff == TimeSpan.Zero ? options.PollInterval : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Math.Max(MaxStoreBackoff.Ticks, options.PollInterval.Ticks)));
                    WebhookInboxLog.StoreUnavailable(_logger, "claim entries", backoff, exception);
                    await DelayAsync(backoff, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var entry in claimed)
                {
                    Start(entry);
                }

                claimedAllDue = claimed.Count < free;
            }

            if (!claimedAllDue)
            {
                // A full batch: more may be due. Claim again as soon as a slot is free.
                if (_running.Count < options.MaxConcurrency)
                {
                    continue;
                }
            }

            // The next poll is due a poll interval after the time this claim looked at, not after now: if the clock moved
            // on meanwhile, entries that fell due in between are not left waiting a whole extra interval.
            await WaitForWorkAsync(now + options.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    private void Start(WebhookInboxEntry entry)
    {
        // Keyed by the claim's token: if this process claims an entry again after losing its lease (a stall), both runs
        // count against MaxConcurrency until the old one, which the store now refuses, has stopped.
        var running = new RunningEntry(entry);
        _running[running.Lease.Token] = running;
        running.Task = Task.Run(() => RunAsync(running), CancellationToken.None);
    }

    private async Task RunAsync(RunningEntry running)
    {
        var entry = running.Entry;
        var lease = running.Lease;
        var options = _options.CurrentValue;
        try
        {
            _metrics.RecordQueueTime(entry, _time.GetUtcNow() - entry.ReceivedAt);
            if (!_processors.TryGetValue(entry.Vendor, out var processor))
            {
                WebhookInboxLog.NoProcessor(_logger, entry.Id, entry.Vendor);
                await AttemptFailedAsync(running, null, $"No inbox processor is registered for vendor '{entry.Vendor}' (call UseInbox() on its builder).", "failed", options).ConfigureAwait(false);
                return;
            }

            if (entry.Attempts > options.MaxAttempts)
            {
                // The process died during the last attempt (or its dead-letter callback): give up without running again.
                await GiveUpAsync(running, processor, entry.LastError ?? "The process stopped during the last attempt.", options).ConfigureAwait(false);
                return;
            }

            using var timeout = new CancellationTokenSource(options.HandlerTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, timeout.Token, running.LeaseLostToken);
            using var overrun = timeout.Token.Register(static state =>
            {
                var (dispatcher, running, limit) = ((WebhookInboxDispatcher, RunningEntry, TimeSpan))state!;
                if (!running.Finished)
                {
                    WebhookInboxLog.HandlerOverran(dispatcher._logger, running.Entry.Vendor, running.Entry.EventType, running.Entry.Id, limit);
                }
            }, (this, running, options.HandlerTimeout));

            WebhookInboxProcessResult result = default;
            Exception? error = null;
            try
            {
                // Awaited to the end, never abandoned: the lease (renewed) and the slot stay held until the handlers stop.
                result = await processor.ProcessAsync(entry, entry.Attempts, linked.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                error = exception;
            }
            finally
            {
                running.Finished = true;
            }

            if (running.LeaseLost)
            {
                _metrics.RecordAttempt(entry, "lease_lost");
                WebhookInboxLog.LeaseLost(_logger, entry.Vendor, entry.EventType, entry.Id);
                return;
            }

            // Past the timeout the attempt has failed, even if the handlers later returned without error: the next
            // attempt runs them again (handlers must be idempotent), as the vendor's retry would after a 500.
            var timedOut = timeout.IsCancellationRequested;
            if (error is null && !timedOut)
            {
                if (result.IsCompleted)
                {
                    _metrics.RecordAttempt(entry, "completed");
                    await WriteAsync(running, "completed", () => _store.CompleteAsync(lease, _time.GetUtcNow(), CancellationToken.None)).ConfigureAwait(false);
                    WebhookInboxLog.EntryCompleted(_logger, entry.Vendor, entry.EventType, entry.Id, entry.Attempts);
                    return;
                }

                _metrics.RecordAttempt(entry, "failed");
                await GiveUpAsync(running, processor, result.PermanentError!, options).ConfigureAwait(false);
                return;
            }

            if (_stopping.IsCancellationRequested && !timedOut)
            {
                // Stopped by the shutdown, not by its own fault: give it back without counting the attempt.
                _metrics.RecordAttempt(entry, "interrupted");
                await WriteAsync(running, "released", () => _store.ReleaseAsync(lease, _time.GetUtcNow(), CancellationToken.None)).ConfigureAwait(false);
                return;
            }

            var message = timedOut
                ? $"The handlers did not finish within HandlerTimeout ({options.HandlerTimeout})." + (error is null ? string.Empty : " " + Describe(error))
                : Describe(error!);
            await AttemptFailedAsync(running, processor, message, timedOut ? "timed_out" : "failed", options).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nothing may escape a run: the lease then simply expires and the entry runs again.
            WebhookInboxLog.StoreWriteFailed(_logger, entry.Vendor, entry.EventType, entry.Id, "unexpected", exception);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<Guid, RunningEntry>(lease.Token, running));
            running.Dispose();
            _slotFreed.Notify();
        }
    }

    private async Task AttemptFailedAsync(RunningEntry running, IWebhookInboxProcessor? processor, string error, string outcome, WebhookInboxOptions options)
    {
        var entry = running.Entry;
        _metrics.RecordAttempt(entry, outcome);
        if (entry.Attempts >= options.MaxAttempts)
        {
            await GiveUpAsync(running, processor, error, options).ConfigureAwait(false);
            return;
        }

        var next = _time.GetUtcNow() + GetRetryDelay(entry.Attempts, options);
        WebhookInboxLog.AttemptFailed(_logger, entry.Vendor, entry.EventType, entry.Id, entry.Attempts, options.MaxAttempts, next, error);
        await WriteAsync(running, "rescheduled", () => _store.RescheduleAsync(running.Lease, next, Truncate(error), CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the dead-letter callback (holding the lease, so a crash here means it runs again), then marks the entry Failed.
    /// </summary>
    private async Task GiveUpAsync(RunningEntry running, IWebhookInboxProcessor? processor, string error, WebhookInboxOptions options)
    {
        var entry = running.Entry;
        if (processor is not null)
        {
            using var timeout = new CancellationTokenSource(options.HandlerTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, timeout.Token, running.LeaseLostToken);
            try
            {
                await processor.OnFailedAsync(entry, error, linked.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                if (_stopping.IsCancellationRequested || running.LeaseLost)
                {
                    // Interrupted: keep the lease so it expires; the next claim (attempts > MaxAttempts) gives up again.
                    return;
                }

                WebhookInboxLog.DeadLetterCallbackFailed(_logger, entry.Vendor, entry.EventType, entry.Id, exception);
            }
        }

        _metrics.RecordFailure(entry);
        WebhookInboxLog.EntryFailed(_logger, entry.Vendor, entry.EventType, entry.Id, Math.Min(entry.Attempts, options.MaxAttempts), error);
        await WriteAsync(running, "failed", () => _store.FailAsync(running.Lease, Truncate(error), _time.GetUtcNow(), CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an outcome, retrying a store that is briefly unavailable. If it stays down, the lease expires and the entry
    /// runs again: at least once, never lost.
    /// </summary>
    private async Task WriteAsync(RunningEntry running, string outcome, Func<ValueTask<bool>> write)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (!await write().ConfigureAwait(false))
                {
                    WebhookInboxLog.LeaseLost(_logger, running.Entry.Vendor, running.Entry.EventType, running.Entry.Id);
                }

                return;
            }
            catch (Exception exception) when (attempt < StoreWriteRetryDelays.Length && exception is not ObjectDisposedException)
            {
                await Task.Delay(StoreWriteRetryDelays[attempt], _time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                WebhookInboxLog.StoreWriteFailed(_logger, running.Entry.Vendor, running.Entry.EventType, running.Entry.Id, outcome, exception);
                return;
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var beat = _time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            var interval = TimeSpan.FromTicks(options.LeaseDuration.Ticks / 3);

            // A beat every third of the lease, counted from the last beat, so a slow round does not push the next one late.
            beat += interval;
            var wait = beat - _time.GetUtcNow();
            if (wait < TimeSpan.Zero)
            {
                beat = _time.GetUtcNow();
            }
            else if (!await DelayAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            foreach (var running in _running.Values)
            {
                if (running.LeaseLost)
                {
                    continue;
                }

                try
                {
                    if (!await _store.RenewLeaseAsync(running.Lease, _time.GetUtcNow(), options.LeaseDuration, cancellationToken).ConfigureAwait(false))
                    {
                        running.MarkLeaseLost();
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // Try again at the next beat; two beats remain before the lease expires.
                    WebhookInboxLog.StoreUnavailable(_logger, "renew a lease", interval, exception);
                }
            }
        }
    }

    private async Task MaintenanceLoopAsync(CancellationToken stoppingToken)
    {
        var nextPurge = _time.GetUtcNow();
        var nextStatistics = _time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            var now = _time.GetUtcNow();
            if (now >= nextPurge)
            {
                nextPurge = now + options.PurgeInterval;
                await PurgeAsync(options, now, stoppingToken).ConfigureAwait(false);
            }

            if (now >= nextStatistics && _metrics.GaugesEnabled)
            {
                nextStatistics = now + StatisticsRefreshInterval;
                await RefreshStatisticsAsync(stoppingToken).ConfigureAwait(false);
            }

            // Deadlines from the time this round looked at, re-checked at least once a poll interval (so that a listener
            // that subscribes later gets numbers soon).
            var deadline = nextPurge < now + options.PollInterval ? nextPurge : now + options.PollInterval;
            if (_metrics.GaugesEnabled && nextStatistics < deadline)
            {
                deadline = nextStatistics;
            }

            var wait = deadline - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                await Task.Yield();
                continue;
            }

            if (!await DelayAsync(wait, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task PurgeAsync(WebhookInboxOptions options, DateTimeOffset now, CancellationToken stoppingToken)
    {
        try
        {
            var cutoff = now - options.RetainCompletedFor;
            int purged;
            do
            {
                // One small batch per statement, so the enqueue path never waits behind a long delete.
                purged = await _store.PurgeCompletedAsync(cutoff, options.PurgeBatchSize, stoppingToken).ConfigureAwait(false);
                if (purged > 0)
                {
                    WebhookInboxLog.Purged(_logger, purged);
                }
            }
            while (purged == options.PurgeBatchSize && !stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            WebhookInboxLog.StoreUnavailable(_logger, "purge completed entries", options.PurgeInterval, exception);
        }
    }

    private async Task RefreshStatisticsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var backlog = await _store.GetBacklogAsync(stoppingToken).ConfigureAwait(false);
            var statistics = await _store.GetStatisticsAsync(stoppingToken).ConfigureAwait(false);
            _metrics.Update(backlog, statistics);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            WebhookInboxLog.StoreUnavailable(_logger, "read statistics", StatisticsRefreshInterval, exception);
        }
    }

    /// <summary>
    /// Gives running handlers (already told to stop through the shutdown token) <c>ShutdownGracePeriod</c> to finish and
    /// record their outcome; the heartbeat keeps their leases meanwhile. Whatever is still running after that keeps a lease
    /// that is no longer renewed, so it expires and the entry is claimed again.
    /// </summary>
    private async Task DrainAsync()
    {
        var tasks = _running.Values.Select(running => running.Task).Where(task => task is not null).Cast<Task>().ToArray();
        if (tasks.Length == 0)
        {
            return;
        }

        var grace = _options.CurrentValue.ShutdownGracePeriod;
        try
        {
            await Task.WhenAll(tasks).WaitAsync(grace, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            WebhookInboxLog.ShutdownLeftEntries(_logger, _running.Count, grace);
        }
        catch (Exception)
        {
            // RunAsync catches everything; nothing else to report.
        }
    }

    private async Task WaitForWorkAsync(DateTimeOffset pollAt, CancellationToken stoppingToken)
    {
        var wait = pollAt - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signal = _signal.WaitAsync(wake.Token);
        var slot = _slotFreed.WaitAsync(wake.Token);
        var poll = Task.Delay(wait, _time, wake.Token);
        await Task.WhenAny(signal, slot, poll).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await IgnoreFailureAsync(signal).ConfigureAwait(false);
        await IgnoreFailureAsync(slot).ConfigureAwait(false);
        await IgnoreFailureAsync(poll).ConfigureAwait(false);
    }

    /// <summary>Waits; returns <see langword="false"/> when cancelled instead of throwing.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled waits and loops that already logged.
        }
    }

    private static string Describe(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? Describe(aggregate.InnerExceptions[0])
            : $"{exception.GetType().FullName}: {exception.Message}";

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    /// <summary>One claimed entry whose handlers run in this process.</summary>
    private sealed class RunningEntry : IDisposable
    {
        private readonly CancellationTokenSource _leaseLost = new();

        public RunningEntry(WebhookInboxEntry entry)
        {
            Entry = entry;
            Lease = entry.Lease ?? throw new InvalidOperationException("The store returned a claimed entry without a lease.");
            LeaseLostToken = _leaseLost.Token;
        }

        public WebhookInboxEntry Entry { get; }

        public WebhookInboxLease Lease { get; }

        public CancellationToken LeaseLostToken { get; }

        public bool LeaseLost => _leaseLost.IsCancellationRequested;

        public bool Finished { get; set; }

        public Task? Task { get; set; }

        public void MarkLeaseLost()
        {
            try
            {
                _leaseLost.Cancel();
            }
            catch (AggregateException)
            {
                // A handler's own cancellation callback threw; it was asked to stop all the same.
            }
            catch (ObjectDisposedException)
            {
                // The run has already ended.
            }
        }

        public void Dispose() => _leaseLost.Dispose();
    }
}
