using System.Collections.Concurrent;
using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Classet.Boooply.Webhooks.Testing;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// Several instances of a receiving app as users run them: three receiver processes (Kestrel on loopback, the Boooply
/// endpoint with <c>UseInbox()</c>, the inbox on one PostgreSQL schema), deliveries over real HTTP, one instance killed
/// with SIGKILL, and the database restarted under load.
/// </summary>
public sealed class PostgreSqlReceiverClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Log(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds:F1}s {what}");

    private readonly string _schema = PostgresServer.NewSchemaName();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-receivers-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (PostgresServer.ConnectionString is not null)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }

        Directory.Delete(_directory, recursive: true);
    }

    [PostgresFact]
    public async Task Three_receivers_handle_every_delivery_once_answer_every_duplicate_200_and_take_over_from_a_killed_one()
    {
        const int Deliveries = 3000;
        const int Lag = 24;
        var connectionString = PostgresServer.RequireConnectionString();

        // Three at once on an empty schema: all come up (one of them makes the schema, under the advisory lock).
        var starting = ReceiverCluster.StartAsync(3, connectionString, _schema, _directory, leaseSeconds: 10, maxConcurrency: 8, handlerMilliseconds: 20);
        var deliveries = Enumerable.Range(0, Deliveries).Select(ReceiverCluster.Delivery).ToArray();
        await using var cluster = await starting;
        await using var store = PostgresServer.NewStore(_schema, notifications: false);
        Log("three receivers up");

        // Originals round robin; a copy of every third delivery follows it a few places later (while the original is
        // pending, being handled or done), sent to another instance than the one that acknowledged the original.
        var work = new List<(int Index, bool Duplicate)>();
        for (var i = 0; i < Deliveries; i++)
        {
            work.Add((i, false));
            if (i >= Lag && (i - Lag) % 3 == 0)
            {
                work.Add((i - Lag, true));
            }
        }

        work.AddRange(Enumerable.Range(Deliveries - Lag, Lag).Where(i => i % 3 == 0).Select(i => (i, true)));
        work.Count(w => w.Duplicate).Should().Be(1000);
        var answeredBy = Enumerable.Range(0, Deliveries).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        // Kill the first instance while it is running handlers, with deliveries still arriving. What it held then are its
        // entries still processing in the store (started or only claimed); their leases run on for LeaseDuration.
        var victim = cluster.Instances[0];
        var sent = 0;
        var killer = Task.Run(async () =>
        {
            // Killed while a slow (two-second) handler started less than a second ago is surely still running.
            await Eventually.WaitAsync(
                () =>
                {
                    var log = victim.ReadLog();
                    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    return log.Count(l => l.What == "done") >= 50
                        && log.Any(l => l.What == "start" && l.Key.StartsWith("slow-", StringComparison.Ordinal) && now - l.At < 1000 && !log.Any(d => d.What == "done" && d.Key == l.Key));
                },
                "the first instance is running a slow handler",
                TimeSpan.FromSeconds(120));
            victim.Kill();
            var sentThen = Volatile.Read(ref sent);
            var started = victim.ReadLog().Where(l => l.What == "start").Select(l => l.Key).ToHashSet();
            var processing = await ListAsync(store, WebhookInboxState.Processing);
            Log($"killed at {sentThen} sent; victim started {started.Count}, processing {processing.Count}, of them started by the victim {processing.Count(e => started.Contains(e.DeliveryKey))}");
            var owners = processing.Where(e => started.Contains(e.DeliveryKey)).Select(e => e.LeaseOwner).ToHashSet();
            return (SentAtKill: sentThen, Held: processing.Where(e => owners.Contains(e.LeaseOwner)).Select(e => e.DeliveryKey).ToHashSet(), Running: processing.Where(e => started.Contains(e.DeliveryKey)).Select(e => e.DeliveryKey).ToHashSet());
        });

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, _) =>
        {
            var (delivery, key) = deliveries[item.Index];
            if (item.Duplicate)
            {
                // After its original was acknowledged, to another instance than the one that acknowledged it.
                var original = await answeredBy[item.Index].Task;
                await cluster.SendAsync(item.Index, delivery, key, preferred: (original + 1) % 3, avoid: original, duplicate: true);
            }
            else
            {
                answeredBy[item.Index].SetResult((await cluster.SendAsync(item.Index, delivery, key, preferred: item.Index % 3)).Instance);
            }

            Interlocked.Increment(ref sent);
        });

        Log("all sent");
        var (sentAtKill, held, interrupted) = await killer;
        await Eventually.WaitAsync(async () => (await store.GetStatisticsAsync(default)).Completed == Deliveries, "every delivery completed", TimeSpan.FromSeconds(180));

        Log("all completed");
        // Every answer was 200: the originals, and every copy, whichever instance it reached.
        var answers = cluster.Answers.ToList();
        var originals = await Task.WhenAll(answeredBy.Select(answered => answered.Task));
        answers.Should().OnlyContain(a => a.Acknowledged, "every delivery and every duplicate is answered 200");
        answers.Count(a => a.Duplicate).Should().Be(1000);
        answers.Where(a => a.Duplicate).Should().OnlyContain(a => a.Instance != originals[a.Index], "each copy went to another instance than its original");
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(0, 0, Deliveries, 0), "each delivery is stored once");

        // Every delivery handled. The only second runs are of entries the killed instance held: handlers it was running
        // (finished or not: one that finished had not yet recorded its completion) and entries it had claimed, all taken
        // over by a surviving instance at attempt 2 once the lease expired. The survivors ran nothing twice.
        var all = cluster.Instances.SelectMany(instance => instance.ReadLog().Select(line => (Instance: instance, line.What, line.Key, line.Attempt))).ToList();
        var done = all.Where(l => l.What == "done").ToList();
        done.Select(l => l.Key).Distinct().Order().Should().Equal(deliveries.Select(d => d.Key).Order(), "every delivery is handled");
        done.Where(l => l.Instance != victim).GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("no surviving instance handles a delivery twice");
        foreach (var instance in cluster.Instances)
        {
            done.Should().Contain(l => l.Instance == instance, "every instance took part");
        }

        sentAtKill.Should().BeLessThan(work.Count, "the instance was killed mid-run, with deliveries still arriving");
        interrupted.Should().NotBeEmpty("the kill interrupted running handlers");
        var secondRuns = all.Where(l => l.What == "start").GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        secondRuns.Should().BeSubsetOf(held, "only entries the killed instance held run again");
        secondRuns.Should().Contain(interrupted, "a handler that was running at the kill runs again");
        foreach (var key in held)
        {
            done.Should().ContainSingle(l => l.Key == key && l.Instance != victim)
                .Which.Attempt.Should().Be(2, "{0} was taken over after the lease expired", key);
        }
    }

    private static async Task<List<WebhookInboxEntry>> ListAsync(PostgreSqlWebhookInboxStore store, WebhookInboxState state)
    {
        var entries = new List<WebhookInboxEntry>();
        while (true)
        {
            var page = await store.ListAsync(state, entries.Count == 0 ? null : entries[^1].Id, 500, default);
            entries.AddRange(page);
            if (page.Count < 500)
            {
                return entries;
            }
        }
    }

    [PostgresFact]
    public async Task While_the_database_restarts_under_load_every_answer_is_503_and_afterwards_everything_acknowledged_is_handled()
    {
        // A server of its own: restarting the shared one would break the tests running beside this one.
        await using var server = await DisposableServer.StartAsync();
        await using var cluster = await ReceiverCluster.StartAsync(3, server.ConnectionString, "inbox", _directory, leaseSeconds: 5, maxConcurrency: 8, handlerMilliseconds: 10);
        var deliveries = new ConcurrentDictionary<int, (BoooplyTestDelivery Delivery, string Key)>();
        var next = -1;
        using var stopSending = new CancellationTokenSource();

        // Sixteen senders, each posting new deliveries round robin until told to stop.
        var senders = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stopSending.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                var (delivery, key) = deliveries.GetOrAdd(index, ReceiverCluster.Delivery);
                if (!(await cluster.SendAsync(index, delivery, key, preferred: index % 3)).Acknowledged)
                {
                    // As a vendor backs off; the delivery is retried at the end.
                    await Task.Delay(200);
                }
            }
        })).ToList();

        long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int AcknowledgedAfter(long since, int? instance = null) => cluster.Answers.Count(a => a.Acknowledged && a.StartedAt >= since && (instance is null || a.Instance == instance));
        await Eventually.WaitAsync(() => AcknowledgedAfter(0) >= 300, "deliveries are acknowledged before the restart", TimeSpan.FromSeconds(120));

        await server.StopAsync();
        var downFrom = Now();
        await Eventually.WaitAsync(() => Now() - downFrom >= 1500 && cluster.Answers.Count(a => a.StartedAt >= downFrom) >= 50, "answers while the database is down", TimeSpan.FromSeconds(120));
        var downUntil = Now();
        await server.StartAgainAsync();
        var upFrom = Now();

        // Every instance recovers by itself: each acknowledges deliveries again.
        await Eventually.WaitAsync(() => AcknowledgedAfter(upFrom) >= 300 && Enumerable.Range(0, 3).All(i => AcknowledgedAfter(upFrom, i) > 0), "every instance acknowledges again after the restart", TimeSpan.FromSeconds(120));
        await stopSending.CancelAsync();
        await Task.WhenAll(senders);

        // The vendors retry what was not acknowledged; afterwards every delivery has been acknowledged once at least.
        var unacknowledged = deliveries.Keys.Where(index => !cluster.Answers.Any(a => a.Index == index && a.Acknowledged)).ToList();
        await Parallel.ForEachAsync(unacknowledged, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, _) =>
        {
            var (delivery, key) = deliveries[index];
            await Eventually.WaitAsync(async () => (await cluster.SendAsync(index, delivery, key, preferred: index % 3)).Acknowledged, "a retried delivery is acknowledged", TimeSpan.FromSeconds(60));
        });

        await using var store = PostgresServer.NewStore("inbox", server.ConnectionString, notifications: false);
        await Eventually.WaitAsync(async () => (await store.GetStatisticsAsync(default)).Completed == deliveries.Count, "every acknowledged delivery is handled", TimeSpan.FromSeconds(180));

        var answers = cluster.Answers.ToList();
        var whileDown = answers.Where(a => a.StartedAt >= downFrom && a.EndedAt <= downUntil).ToList();
        whileDown.Should().NotBeEmpty();
        whileDown.Should().OnlyContain(a => a.Status == 503, "nothing is acknowledged while the database is down");
        answers.Should().OnlyContain(a => a.Status == 200 || a.Status == 503);
        answers.Where(a => a.StartedAt >= upFrom && a.Acknowledged).Should().NotBeEmpty();
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(0, 0, deliveries.Count, 0));

        // Each delivery handled; a second run only for a handler whose completion could not be written while the
        // database was down (its lease expired and another run completed it).
        var all = cluster.Instances.SelectMany(instance => instance.ReadLog()).ToList();
        var handled = all.Where(l => l.What == "done").Select(l => l.Key).ToHashSet();
        handled.Order().Should().Equal(deliveries.Values.Select(d => d.Key).Order(), "every delivery is handled");
        var firstStarts = all.Where(l => l.What == "start").GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Min(l => l.At));
        var ranTwice = all.Where(l => l.What == "start").GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        ranTwice.Where(key => firstStarts[key] >= upFrom).Should().BeEmpty("only a run that overlapped the outage is repeated");
    }
}
