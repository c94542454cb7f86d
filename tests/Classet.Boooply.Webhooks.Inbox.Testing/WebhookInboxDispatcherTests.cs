using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>
/// The background dispatcher over a real store: retries, leases, concurrency, shutdown, purge. A store's test project
/// derives one class from this and says how to open a store on this test's database; two hosts opened on it behave as two
/// processes sharing the database. Waits are bounded waits for progress; no test asserts on elapsed time.
/// </summary>
public abstract class WebhookInboxDispatcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = InboxDeliveries.Start;
    private readonly List<InboxTestHost> _hosts = [];

    /// <summary>Opens a new store instance on this test's database.</summary>
    protected abstract IWebhookInboxStore OpenStore();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private InboxTestHost CreateHost(TimeProvider time, Action<WebhookInboxOptions>? configure, params TestProcessor[] processors)
    {
        var host = new InboxTestHost(_ => OpenStore(), time, configure, processors);
        _hosts.Add(host);
        return host;
    }

    private static async Task<WebhookInboxEntry> EntryAsync(InboxTestHost host, string key)
    {
        // The entry may move between states while they are listed one after another: look again.
        for (var round = 0; round < 100; round++)
        {
            if (await FindAsync(host, key) is { } found)
            {
                return await host.Inbox.GetAsync(found.Id) ?? found;
            }
        }

        throw new InvalidOperationException($"No entry {key}.");
    }

    private static async Task<WebhookInboxEntry?> FindAsync(InboxTestHost host, string key)
    {
        foreach (var state in Enum.GetValues<WebhookInboxState>())
        {
            long? after = null;
            while (true)
            {
                var page = await host.Inbox.ListAsync(state, 1000, after);
                if (page.FirstOrDefault(entry => entry.DeliveryKey == key) is { } found)
                {
                    return found;
                }

                if (page.Count < 1000)
                {
                    break;
                }

                after = page[^1].Id;
            }
        }

        return null;
    }

    [Fact]
    public async Task StoredDelivery_IsPickedUpAtOnceByTheSignal_HandledOnAttempt1_AndCompleted()
    {
        var processor = new TestProcessor(TimeProvider.System);
        var host = CreateHost(TimeProvider.System, options => options.PollInterval = TimeSpan.FromMinutes(10), processor);
        await host.StartAsync();

        (await host.EnqueueAsync(InboxDeliveries.Create("k1"))).Should().Be(WebhookInboxEnqueueResult.Inserted);

        // With a 10-minute poll, only the in-process signal can have woken the dispatcher in time.
        await Eventually.WaitAsync(() => processor.Completed.ContainsKey("k1"), "k1 handled");
        await Eventually.WaitAsync(async () => (await EntryAsync(host, "k1")).State == WebhookInboxState.Completed, "k1 completed");
        processor.Calls.Single().Attempt.Should().Be(1);
        (await host.Inbox.GetStatisticsAsync()).Should().Be(new WebhookInboxStatistics(0, 0, 1, 0));
    }

    [Fact]
    public async Task PoisonDelivery_RetriesOnTheSchedule_BecomesFailedAfterMaxAttempts_ThenReplayHandlesIt()
    {
        var time = new FakeTimeProvider(T0);
        var broken = true;
        var processor = new TestProcessor(time, (_, attempt, _) =>
            Volatile.Read(ref broken) ? throw new InvalidOperationException($"ATS down (attempt {attempt})") : Task.CompletedTask);
        var host = CreateHost(time, options =>
        {
            options.MaxAttempts = 3;
            options.RetryDelays.Add(TimeSpan.FromSeconds(10));
            options.RetryDelays.Add(TimeSpan.FromSeconds(20));
            options.PollInterval = TimeSpan.FromSeconds(1);
        }, processor);
        await host.StartAsync();
        await host.EnqueueAsync(InboxDeliveries.Create("poison", receivedAt: T0));

        await Eventually.WaitAsync(async () => (await EntryAsync(host, "poison")) is { State: WebhookInboxState.Pending, Attempts: 1 }, "first attempt failed");
        var entry = await EntryAsync(host, "poison");
        entry.NextAttemptAt.Should().Be(T0.AddSeconds(10));
        entry.LastError.Should().Contain("ATS down (attempt 1)");

        await FakeClock.AdvanceUntilAsync(time, TimeSpan.FromSeconds(10), async () => (await EntryAsync(host, "poison")) is { State: WebhookInboxState.Pending, Attempts: 2 }, "second attempt failed");
        var second = processor.Calls.Last().At;
        (await EntryAsync(host, "poison")).NextAttemptAt.Should().Be(second.AddSeconds(20));

        await FakeClock.AdvanceUntilAsync(time, second.AddSeconds(20) - time.GetUtcNow(), async () => (await EntryAsync(host, "poison")).State == WebhookInboxState.Failed, "failed after the third attempt");

        var calls = processor.Calls.ToArray();
        calls.Select(call => call.Attempt).Should().Equal(1, 2, 3);
        calls[0].At.Should().Be(T0);
        calls[1].At.Should().BeCloseTo(T0.AddSeconds(10), TimeSpan.FromSeconds(1)).And.BeOnOrAfter(T0.AddSeconds(10), "not before the first retry delay");
        calls[2].At.Should().BeCloseTo(T0.AddSeconds(30), TimeSpan.FromSeconds(1)).And.BeOnOrAfter(calls[1].At.AddSeconds(20), "not before the second retry delay");
        var failed = await EntryAsync(host, "poison");
        failed.Attempts.Should().Be(3);
        failed.LastError.Should().Contain("ATS down (attempt 3)");
        failed.FailedAt.Should().Be(calls[2].At);
        processor.DeadLetters.Should().ContainSingle(deadLetter => deadLetter.EntryId == failed.Id);

        // Nothing more happens to a failed entry, however long we wait.
        time.Advance(TimeSpan.FromHours(10));
        Volatile.Write(ref broken, false);
        (await host.Inbox.ReplayAsync(failed.Id)).Should().BeTrue();

        await Eventually.WaitAsync(async () => (await EntryAsync(host, "poison")).State == WebhookInboxState.Completed, "replayed entry handled");
        processor.Calls.Should().HaveCount(4);
        processor.Calls.Last().Should().Be(new ProcessorCall(failed.Id, "poison", 1, calls[2].At + TimeSpan.FromHours(10)));
        processor.Completed["poison"].Should().Be(1);
    }

    [Fact]
    public async Task RetryDelay_SpreadsByTheJitterFraction_AndRepeatsTheLastDelay()
    {
        var host = CreateHost(TimeProvider.System, null);
        var options = new WebhookInboxOptions { RetryJitter = 0.2 };
        options.RetryDelays.Add(TimeSpan.FromSeconds(10));
        options.RetryDelays.Add(TimeSpan.FromSeconds(100));
        var dispatcher = host.Dispatcher;

        dispatcher.NextRandom = () => 0;
        dispatcher.GetRetryDelay(1, options).Should().Be(TimeSpan.FromSeconds(8));
        dispatcher.NextRandom = () => 0.5;
        dispatcher.GetRetryDelay(1, options).Should().Be(TimeSpan.FromSeconds(10));
        dispatcher.GetRetryDelay(2, options).Should().Be(TimeSpan.FromSeconds(100));
        dispatcher.GetRetryDelay(7, options).Should().Be(TimeSpan.FromSeconds(100));
        dispatcher.NextRandom = () => 0.9999999;
        dispatcher.GetRetryDelay(1, options).Should().BeCloseTo(TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(1));
        dispatcher.GetRetryDelay(1, new WebhookInboxOptions { RetryJitter = 0 }).Should().Be(WebhookInboxOptions.DefaultRetryDelays[0]);
    }

    [Fact]
    public async Task HandlerPastTimeout_ThatIgnoresItsToken_KeepsItsRenewedLeaseUntilItStops_ThenIsRescheduled()
    {
        var time = new FakeTimeProvider(T0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = 0;
        var processor = new TestProcessor(time, async (_, attempt, token) =>
        {
            if (attempt == 1)
            {
                token.Register(() => Interlocked.Increment(ref cancelled));
                await gate.Task; // ignores its token
            }
        });
        var lease = TimeSpan.FromSeconds(3);
        var host = CreateHost(time, options =>
        {
            options.HandlerTimeout = TimeSpan.FromSeconds(5);
            options.LeaseDuration = lease;
            options.PollInterval = TimeSpan.FromSeconds(1);
            options.RetryDelays.Add(TimeSpan.FromSeconds(30));
        }, processor);
        await host.StartAsync();
        await host.EnqueueAsync(InboxDeliveries.Create("slow"));
        await Eventually.WaitAsync(() => processor.Running == 1, "handler running");

        for (var second = 1; second <= 12; second++)
        {
            var step = time.GetUtcNow() + TimeSpan.FromSeconds(1);
            await FakeClock.AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), async () => (await EntryAsync(host, "slow")).LeaseExpiresAt >= step + lease, $"lease renewed at +{second}s");
            (await host.Store.ClaimAsync("intruder", 10, time.GetUtcNow(), lease, CancellationToken.None)).Should().BeEmpty($"the lease is held at +{second}s");
        }

        Volatile.Read(ref cancelled).Should().Be(1, "the token was cancelled at HandlerTimeout");
        processor.Calls.Should().ContainSingle("the entry never ran twice at once");
        (await EntryAsync(host, "slow")).State.Should().Be(WebhookInboxState.Processing);

        gate.SetResult();

        await Eventually.WaitAsync(async () => (await EntryAsync(host, "slow")).State == WebhookInboxState.Pending, "rescheduled once the handler stopped");
        var entry = await EntryAsync(host, "slow");
        entry.LastError.Should().Contain("HandlerTimeout");
        entry.NextAttemptAt.Should().BeCloseTo(T0.AddSeconds(12 + 30), TimeSpan.FromSeconds(1));
        entry.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task LeaseExpiry_HandsOverAnEntryWhoseWorkerStoppedResponding()
    {
        var time = new FakeTimeProvider(T0);
        var processor = new TestProcessor(time);
        var lease = TimeSpan.FromSeconds(30);
        var host = CreateHost(time, options =>
        {
            options.LeaseDuration = lease;
            options.PollInterval = TimeSpan.FromSeconds(1);
        }, processor);
        await host.EnqueueAsync(InboxDeliveries.Create("orphan"));
        var orphaned = (await host.Store.ClaimAsync("worker-that-died", 1, T0, lease, CancellationToken.None)).Single();
        await host.StartAsync();

        for (var step = 0; step < 7 && processor.Calls.IsEmpty; step++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
        }

        await FakeClock.AdvanceUntilAsync(time, TimeSpan.Zero, async () => (await EntryAsync(host, "orphan")).State == WebhookInboxState.Completed, "orphan handled");
        var call = processor.Calls.Single();
        call.At.Should().BeOnOrAfter(T0 + lease, "the entry is taken over only once the dead worker's lease has expired");
        call.Attempt.Should().Be(2, "the dead worker's attempt counts");
        (await host.Store.CompleteAsync(orphaned.Lease!.Value, time.GetUtcNow(), CancellationToken.None)).Should().BeFalse("the dead worker's lease is void");
    }

    [Fact]
    public async Task EntryWhoseProcessDiedDuringTheLastAttempt_IsGivenUpOnWithoutRunningAgain()
    {
        var time = new FakeTimeProvider(T0);
        var processor = new TestProcessor(time);
        var lease = TimeSpan.FromSeconds(30);
        var host = CreateHost(time, options =>
        {
            options.MaxAttempts = 2;
            options.LeaseDuration = lease;
            options.PollInterval = TimeSpan.FromSeconds(1);
        }, processor);
        await host.EnqueueAsync(InboxDeliveries.Create("crashy"));
        var first = (await host.Store.ClaimAsync("dead-1", 1, T0, lease, CancellationToken.None)).Single();
        await host.Store.RescheduleAsync(first.Lease!.Value, T0, "process killed", CancellationToken.None);
        (await host.Store.ClaimAsync("dead-2", 1, T0, lease, CancellationToken.None)).Single().Attempts.Should().Be(2);
        await host.StartAsync();

        await FakeClock.AdvanceUntilAsync(time, lease, async () => (await EntryAsync(host, "crashy")).State == WebhookInboxState.Failed, "given up");
        processor.Calls.Should().BeEmpty("both attempts were spent by processes that died");
        processor.DeadLetters.Should().ContainSingle();
    }

    [Fact]
    public async Task DeadLetter_IsNotRun_AndWhenReplayedButStillUnparseable_FailsAtOnceWithoutRetries()
    {
        var processor = new TestProcessor(TimeProvider.System) { UnparseableBody = "{oops" };
        var host = CreateHost(TimeProvider.System, options => options.MaxAttempts = 5, processor);
        await host.StartAsync();
        await host.EnqueueAsync(InboxDeliveries.Create("dead", body: "{oops", parseError: "Invalid JSON"));
        var entry = await EntryAsync(host, "dead");
        entry.State.Should().Be(WebhookInboxState.Failed);

        (await host.Inbox.ReplayAsync(entry.Id)).Should().BeTrue();

        await Eventually.WaitAsync(() => processor.DeadLetters.Count == 1, "dead-letter callback");
        await Eventually.WaitAsync(async () => (await EntryAsync(host, "dead")).State == WebhookInboxState.Failed, "failed again");
        (await EntryAsync(host, "dead")).Attempts.Should().Be(1, "a body that does not parse is not retried");
        (await EntryAsync(host, "dead")).LastError.Should().Contain("WebhookPayloadException");
    }

    [Fact]
    public async Task MaxConcurrency_BoundsHandlersRunningAtOnce()
    {
        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        var processor = new TestProcessor(TimeProvider.System, (entry, _, _) =>
            gates.GetOrAdd(entry.DeliveryKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task);
        var host = CreateHost(TimeProvider.System, options => options.MaxConcurrency = 3, processor);
        await host.StartAsync();
        for (var index = 0; index < 12; index++)
        {
            await host.EnqueueAsync(InboxDeliveries.Create($"k{index}"));
        }

        await Eventually.WaitAsync(() => processor.Running == 3, "three running");
        (await host.Inbox.GetStatisticsAsync()).Should().Be(new WebhookInboxStatistics(9, 3, 0, 0), "no more is claimed than can run");

        while (processor.Completed.Count < 12)
        {
            foreach (var call in processor.Calls)
            {
                gates.GetOrAdd(call.DeliveryKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            await Task.Delay(5);
        }

        processor.MaxRunning.Should().Be(3);
        processor.Completed.Values.Should().AllSatisfy(count => count.Should().Be(1));
        await Eventually.WaitAsync(async () => (await host.Inbox.GetStatisticsAsync()).Completed == 12, "all completed");
    }

    [Fact]
    public async Task Shutdown_CancelsHandlers_ReleasesThoseThatStop_AndLeavesTheOthersClaimableAtLeaseExpiry()
    {
        var stubborn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new TestProcessor(TimeProvider.System, async (entry, _, token) =>
        {
            if (entry.DeliveryKey == "cooperative")
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            else
            {
                await stubborn.Task;
            }
        });
        var lease = TimeSpan.FromMinutes(10);
        var host = CreateHost(TimeProvider.System, options =>
        {
            options.ShutdownGracePeriod = TimeSpan.FromMilliseconds(300);
            options.LeaseDuration = lease;
        }, processor);
        await host.StartAsync();
        await host.EnqueueAsync(InboxDeliveries.Create("cooperative"));
        await host.EnqueueAsync(InboxDeliveries.Create("stubborn"));
        await Eventually.WaitAsync(() => processor.Running == 2, "both running");

        await host.StopAsync();

        var cooperative = await EntryAsync(host, "cooperative");
        cooperative.State.Should().Be(WebhookInboxState.Pending, "a handler that stopped is put back at once");
        cooperative.Attempts.Should().Be(0, "an attempt cut short by a shutdown does not count");
        var left = await EntryAsync(host, "stubborn");
        left.State.Should().Be(WebhookInboxState.Processing, "a handler still running keeps its lease");
        left.LeaseOwner.Should().Be(host.Dispatcher.Owner);
        var now = DateTimeOffset.UtcNow;
        var claimedNow = await host.Store.ClaimAsync("next-process", 10, now, lease, CancellationToken.None);
        claimedNow.Select(entry => entry.DeliveryKey).Should().Equal("cooperative");
        var claimedLater = await host.Store.ClaimAsync("next-process", 10, left.LeaseExpiresAt!.Value, lease, CancellationToken.None);
        claimedLater.Select(entry => entry.DeliveryKey).Should().Equal(["stubborn"], "once its lease expires, another process takes it over");
        stubborn.SetResult();
    }

    [Fact]
    public async Task ManyDeliveriesAndDuplicatesAtConcurrency32_EachStoredOnce_EachHandledExactlyOnce()
    {
        var processor = new TestProcessor(TimeProvider.System, async (_, _, _) => await Task.Yield());
        var host = CreateHost(TimeProvider.System, options => options.MaxConcurrency = 16, processor);
        await host.StartAsync();
        var keys = Enumerable.Range(0, 2000).Select(index => $"mtg_{index}:interview.scores").ToArray();
        var work = new ConcurrentQueue<string>(keys.Concat(keys.Where((_, index) => index % 4 == 0)).OrderBy(_ => Random.Shared.Next()));
        var results = new ConcurrentBag<WebhookInboxEnqueueResult>();

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var key))
            {
                results.Add(await host.EnqueueAsync(InboxDeliveries.Create(key, eventType: "interview.scores")));
            }
        })));

        results.Count(result => result == WebhookInboxEnqueueResult.Inserted).Should().Be(2000);
        results.Count(result => result == WebhookInboxEnqueueResult.AlreadyKnown).Should().Be(500);
        await Eventually.WaitAsync(() => processor.Completed.Count == 2000, "all 2000 handled");
        await Eventually.WaitAsync(async () => (await host.Inbox.GetStatisticsAsync()).Completed == 2000, "all 2000 completed");

        var again = await Task.WhenAll(keys.Take(500).Select(key => host.EnqueueAsync(InboxDeliveries.Create(key, eventType: "interview.scores")).AsTask()));
        again.Should().AllSatisfy(result => result.Should().Be(WebhookInboxEnqueueResult.AlreadyKnown));
        await Task.Delay(200);
        processor.Calls.Should().HaveCount(2000);
        processor.Completed.Values.Should().AllSatisfy(count => count.Should().Be(1));
        (await host.Inbox.GetStatisticsAsync()).Should().Be(new WebhookInboxStatistics(0, 0, 2000, 0));
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheWork_AndHandleEachDeliveryOnce()
    {
        var handled = new ConcurrentDictionary<string, int>();
        Task Handle(WebhookInboxEntry entry)
        {
            handled.AddOrUpdate(entry.DeliveryKey, 1, static (_, count) => count + 1);
            return Task.Delay(1);
        }

        var first = new TestProcessor(TimeProvider.System, (entry, _, _) => Handle(entry));
        var second = new TestProcessor(TimeProvider.System, (entry, _, _) => Handle(entry));
        var hostA = CreateHost(TimeProvider.System, options => options.MaxConcurrency = 4, first);
        var hostB = CreateHost(TimeProvider.System, options => options.MaxConcurrency = 4, second);
        await hostA.StartAsync();
        await hostB.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(index =>
            (index % 2 == 0 ? hostA : hostB).EnqueueAsync(InboxDeliveries.Create($"k{index}")).AsTask()));

        await Eventually.WaitAsync(() => handled.Count == 300, "all handled");
        await Eventually.WaitAsync(async () => (await hostA.Inbox.GetStatisticsAsync()).Completed == 300, "all completed");
        handled.Values.Should().AllSatisfy(count => count.Should().Be(1));
        first.Calls.Should().NotBeEmpty();
        second.Calls.Should().NotBeEmpty();
    }

    [Fact]
    public async Task CompletedEntries_ArePurgedAfterRetainCompletedFor_InBatches()
    {
        var time = new FakeTimeProvider(T0);
        var processor = new TestProcessor(time);
        var host = CreateHost(time, options =>
        {
            options.RetainCompletedFor = TimeSpan.FromHours(1);
            options.PurgeInterval = TimeSpan.FromMinutes(1);
            options.PurgeBatchSize = 2;
            options.PollInterval = TimeSpan.FromSeconds(1);
        }, processor);
        await host.StartAsync();
        for (var index = 0; index < 5; index++)
        {
            await host.EnqueueAsync(InboxDeliveries.Create($"k{index}"));
        }

        await Eventually.WaitAsync(async () => (await host.Inbox.GetStatisticsAsync()).Completed == 5, "all completed");
        time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(100);
        (await host.Inbox.GetStatisticsAsync()).Completed.Should().Be(5, "they are kept for RetainCompletedFor");
        (await host.EnqueueAsync(InboxDeliveries.Create("k0"))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);

        await FakeClock.AdvanceUntilAsync(time, TimeSpan.FromMinutes(32), async () => (await host.Inbox.GetStatisticsAsync()).Completed == 0, "purged");
        (await host.EnqueueAsync(InboxDeliveries.Create("k0"))).Should().Be(WebhookInboxEnqueueResult.Inserted, "a purged key is new again");
    }

    [Fact]
    public async Task Metrics_CountAttemptsByOutcome_AndGaugeThePendingBacklog()
    {
        var time = new FakeTimeProvider(T0);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookInboxTelemetry.MeterName && instrument.Name.StartsWith("classet_boooply.webhook.inbox.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
            => measurements.Enqueue((instrument.Name, Convert.ToDouble(value), new Dictionary<string, object?>(tags.ToArray())));
        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();

        var processor = new TestProcessor(time, (entry, _, _) => entry.DeliveryKey == "bad" ? throw new InvalidOperationException("no") : Task.CompletedTask);
        var host = CreateHost(time, options =>
        {
            options.MaxAttempts = 1;
            options.PollInterval = TimeSpan.FromSeconds(1);
        }, processor);
        host.Dispatcher.StatisticsRefreshInterval = TimeSpan.FromSeconds(1);
        await host.EnqueueAsync(InboxDeliveries.Create("waiting", eventType: "interview.scores", receivedAt: T0.AddMinutes(-2)));
        await host.Store.ClaimAsync("elsewhere", 1, T0, TimeSpan.FromHours(1), CancellationToken.None);
        await host.Store.EnqueueAsync(InboxDeliveries.Create("later", eventType: "interview.scores", receivedAt: T0.AddMinutes(-5)), T0.AddHours(1), TimeSpan.FromDays(1), CancellationToken.None);
        await host.StartAsync();
        await host.EnqueueAsync(InboxDeliveries.Create("good"));
        await host.EnqueueAsync(InboxDeliveries.Create("bad"));
        await Eventually.WaitAsync(async () => (await host.Inbox.GetStatisticsAsync()) is { Completed: 1, Failed: 1 }, "both attempted");

        await Eventually.WaitAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            listener.RecordObservableInstruments();
            return measurements.Any(m => m.Instrument == WebhookInboxTelemetry.PendingInstrument);
        }, "a backlog snapshot");

        measurements.Where(m => m.Instrument == WebhookInboxTelemetry.AttemptsInstrument)
            .Select(m => ((string)m.Tags[WebhookInboxTelemetry.OutcomeTag]!, (string)m.Tags[WebhookInboxTelemetry.VendorTag]!))
            .Should().BeEquivalentTo([("completed", WebhookVendorNames.Boooply), ("failed", WebhookVendorNames.Boooply)]);
        measurements.Where(m => m.Instrument == WebhookInboxTelemetry.FailuresInstrument).Should().ContainSingle();
        var pending = measurements.Last(m => m.Instrument == WebhookInboxTelemetry.PendingInstrument);
        pending.Value.Should().Be(1);
        pending.Tags[WebhookInboxTelemetry.EventTag].Should().Be("interview.scores");
        var age = measurements.Last(m => m.Instrument == WebhookInboxTelemetry.OldestPendingAgeInstrument);
        age.Value.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(5).TotalSeconds, "the oldest pending entry was received at T0 - 5 min");
    }

    [Fact]
    public async Task HealthCheck_HealthyWhilePendingIsFresh_DegradedOnceTheOldestPendingIsOlderThanTheThreshold()
    {
        var time = new FakeTimeProvider(T0);
        var host = CreateHost(time, options => options.HealthDegradedAfter = TimeSpan.FromMinutes(5));
        var check = host.Services.GetRequiredService<WebhookInboxHealthCheck>();
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("webhook-inbox", check, HealthStatus.Unhealthy, null),
        };

        (await check.CheckHealthAsync(context)).Status.Should().Be(HealthStatus.Healthy);
        await host.EnqueueAsync(InboxDeliveries.Create("k", receivedAt: T0));
        time.Advance(TimeSpan.FromMinutes(5));
        var fresh = await check.CheckHealthAsync(context);
        time.Advance(TimeSpan.FromSeconds(1));
        var stale = await check.CheckHealthAsync(context);

        fresh.Status.Should().Be(HealthStatus.Healthy);
        fresh.Data["pending"].Should().Be(1L);
        stale.Status.Should().Be(HealthStatus.Degraded);
        stale.Data["oldest_pending_age_seconds"].Should().Be(301.0);
    }
}
