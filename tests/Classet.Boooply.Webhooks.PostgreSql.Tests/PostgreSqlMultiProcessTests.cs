using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// Real processes sharing one schema: three instances dispatch, one is killed with SIGKILL mid-run, and the other two
/// take over its leased entries once <c>LeaseDuration</c> has passed.
/// </summary>
public sealed class PostgreSqlMultiProcessTests : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchemaName();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-multiprocess-" + Guid.NewGuid().ToString("N"));

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
    public async Task Three_instances_share_the_work_and_after_one_is_killed_the_others_take_over_its_entries()
    {
        const int Deliveries = 300;
        var connectionString = PostgresServer.RequireConnectionString();
        await using var store = PostgresServer.NewStore(_schema, notifications: false);
        await store.InitializeAsync(default);
        var instances = new List<InstanceProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                instances.Add(await InstanceProcess.StartAsync(connectionString, _schema, Path.Combine(_directory, $"instance{i}.log"), leaseSeconds: 3, maxConcurrency: 8, handlerMilliseconds: 40));
            }

            // Stored from this process (as the endpoints of the instances would), sixteen at a time.
            var keys = Enumerable.Range(0, Deliveries).Select(i => "d" + i).ToArray();
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
                (await store.EnqueueAsync(InboxDeliveries.Create(key), DateTimeOffset.UtcNow, TimeSpan.FromDays(1), ct)).Should().Be(WebhookInboxEnqueueResult.Inserted));

            // Kill one instance while it has handlers running.
            var victim = instances[0];
            await Eventually.WaitAsync(() => victim.ReadLog().Count(l => l.What == "done") >= 20 && Running(victim) > 0, "the first instance is handling entries");
            victim.Kill();
            var victimLog = victim.ReadLog();
            var interrupted = victimLog.Where(l => l.What == "start").Select(l => l.Key).Except(victimLog.Where(l => l.What == "done").Select(l => l.Key)).ToHashSet();

            await Eventually.WaitAsync(async () => (await store.GetStatisticsAsync(default)).Completed == Deliveries, "every delivery completed", TimeSpan.FromSeconds(120));

            var all = instances.SelectMany(instance => instance.ReadLog().Select(line => (Instance: instance, line.What, line.Key, line.Attempt))).ToList();
            var done = all.Where(l => l.What == "done").ToList();
            done.Select(l => l.Key).Should().OnlyHaveUniqueItems("no handler finished twice").And.BeEquivalentTo(keys);
            foreach (var instance in instances.Skip(1))
            {
                done.Should().Contain(l => l.Instance == instance, "every surviving instance took part");
            }

            // The only second runs are entries whose handler was running in the killed process, taken over at attempt 2.
            var secondRuns = all.Where(l => l.What == "start").GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            interrupted.Should().NotBeEmpty("the kill interrupted running handlers");
            secondRuns.Should().BeSubsetOf(interrupted);
            foreach (var key in interrupted)
            {
                done.Single(l => l.Key == key).Should().Match<(InstanceProcess Instance, string What, string Key, int Attempt)>(
                    l => l.Instance != victim && l.Attempt == 2, "taken over after the lease expired");
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.StopAsync();
                instance.Dispose();
            }
        }
    }

    private static int Running(InstanceProcess instance)
    {
        var log = instance.ReadLog();
        return log.Count(l => l.What == "start") - log.Count(l => l.What == "done");
    }
}
