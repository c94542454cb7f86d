using System.Diagnostics;
using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>What is particular to SQLite: pragmas, the schema's versioning, indexes, and a store that cannot commit.</summary>
public sealed class SqliteWebhookInboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = InboxDeliveries.Start;
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(IWebhookInboxStore store, string key, string? body = null) =>
        store.EnqueueAsync(InboxDeliveries.Create(key, body: body), T0, TimeSpan.FromHours(1), CancellationToken.None);

    private SqliteConnection OpenSideConnection()
    {
        var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Theory]
    [InlineData(SqliteWebhookInboxDurability.Full, 2L)]
    [InlineData(SqliteWebhookInboxDurability.Normal, 1L)]
    public async Task Writer_UsesWal_AndTheSynchronousLevelOfTheDurabilityOption(SqliteWebhookInboxDurability durability, long expected)
    {
        long? synchronous = null;
        await using var store = _database.OpenStore(options => options.Durability = durability);
        store.Connections.ConnectionOpened = connection => synchronous = (long)Scalar(connection, "PRAGMA synchronous;")!;

        await EnqueueAsync(store, "k");

        synchronous.Should().Be(expected, "FULL is 2 and NORMAL is 1");
        using var side = OpenSideConnection();
        Scalar(side, "PRAGMA journal_mode;").Should().Be("wal");
    }

    [Fact]
    public async Task Schema_IsCreatedOnceAndVersioned_AndReopeningKeepsIt()
    {
        await using (var store = _database.OpenStore())
        {
            await store.InitializeAsync(CancellationToken.None);
            await EnqueueAsync(store, "k");
        }

        await using (var again = _database.OpenStore())
        {
            await again.InitializeAsync(CancellationToken.None);
            (await EnqueueAsync(again, "k")).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        }

        using var side = OpenSideConnection();
        Scalar(side, "SELECT group_concat(version) FROM webhook_inbox_schema;").Should().Be("1");
        Scalar(side, "SELECT COUNT(*) FROM webhook_inbox;").Should().Be(1L);
    }

    [Fact]
    public async Task Schema_TwoStoresStartingAtOnceOnAnEmptyFile_BothComeUp()
    {
        await using var first = _database.OpenStore();
        await using var second = _database.OpenStore();

        await Task.WhenAll(first.InitializeAsync(CancellationToken.None).AsTask(), second.InitializeAsync(CancellationToken.None).AsTask());

        (await EnqueueAsync(first, "k")).Should().Be(WebhookInboxEnqueueResult.Inserted);
        (await EnqueueAsync(second, "k")).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
    }

    [Fact]
    public async Task Schema_NewerThanThisVersion_IsRefusedWithATypedError()
    {
        await using (var store = _database.OpenStore())
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        using (var side = OpenSideConnection())
        {
            Scalar(side, "INSERT INTO webhook_inbox_schema (version, applied_at) VALUES (99, 0);");
        }

        await using var newer = _database.OpenStore();
        var act = async () => await newer.InitializeAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<WebhookInboxStoreException>()).Which.Message.Should().Contain("schema version 99");
    }

    [Fact]
    public async Task ClaimQuery_UsesThePartialIndexes_NotATableScan()
    {
        await using (var store = _database.OpenStore())
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        using var side = OpenSideConnection();
        using var command = side.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteInboxSql.Claim;
        command.Parameters.AddWithValue("$owner", "w");
        command.Parameters.AddWithValue("$now", 0L);
        command.Parameters.AddWithValue("$expires", 0L);
        command.Parameters.AddWithValue("$limit", 1);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        plan.Should().Contain(line => line.Contains("ix_webhook_inbox_due"));
        plan.Should().Contain(line => line.Contains("ix_webhook_inbox_leases"));
        plan.Should().NotContain(line => line.StartsWith("SCAN webhook_inbox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingDirectory_EveryOperationThrowsTheTypedError_AndTheStoreRecoversOnceItExists()
    {
        var directory = Path.Combine(_database.Directory, "not-yet");
        await using var store = new SqliteWebhookInboxStore(new SqliteWebhookInboxOptions { ConnectionString = $"Data Source={Path.Combine(directory, "inbox.db")}" });

        var enqueue = async () => await EnqueueAsync(store, "k");
        var statistics = async () => await store.GetStatisticsAsync(CancellationToken.None);

        (await enqueue.Should().ThrowAsync<WebhookInboxStoreException>()).Which.Message.Should().Contain("cannot be opened");
        await statistics.Should().ThrowAsync<WebhookInboxStoreException>();

        Directory.CreateDirectory(directory);
        (await EnqueueAsync(store, "k")).Should().Be(WebhookInboxEnqueueResult.Inserted, "nothing was stored before");
        (await store.GetStatisticsAsync(CancellationToken.None)).Pending.Should().Be(1);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ReadOnlyDatabase_EnqueueThrowsTheTypedError_AndNothingIsStored()
    {
        await using (var store = _database.OpenStore())
        {
            await EnqueueAsync(store, "before");
        }

        SqliteConnection.ClearAllPools();
        using (ReadOnlyFiles.Protect(_database.Directory))
        {
            await using var readOnly = _database.OpenStore();
            var act = async () => await EnqueueAsync(readOnly, "while-read-only");

            await act.Should().ThrowAsync<WebhookInboxStoreException>();
        }

        await using var writable = _database.OpenStore();
        (await writable.ListAsync(WebhookInboxState.Pending, null, 10, CancellationToken.None)).Select(entry => entry.DeliveryKey).Should().Equal("before");
        (await EnqueueAsync(writable, "while-read-only")).Should().Be(WebhookInboxEnqueueResult.Inserted, "the refused delivery was never stored");
    }

    [Fact]
    public async Task DiskFull_EnqueueThrowsTheTypedError_OtherDeliveriesStillCommit_AndTheFullOneIsNotStored()
    {
        await using (var store = _database.OpenStore())
        {
            await EnqueueAsync(store, "small");
        }

        await using var capped = _database.OpenStore();
        capped.Connections.ConnectionOpened = connection =>
            Scalar(connection, $"PRAGMA max_page_count = {(long)Scalar(connection, "PRAGMA page_count;")! + 4};");
        var big = new string('x', 512 * 1024);

        var results = await Task.WhenAll(
            Task.Run(async () => await Record(() => EnqueueAsync(capped, "big", big))),
            Task.Run(async () => await Record(() => EnqueueAsync(capped, "tiny"))));

        results[0].Should().BeOfType<WebhookInboxStoreException>().Which.Message.Should().Contain("full");
        results[1].Should().BeNull("a delivery that fits commits even if it was batched with the one that did not");
        (await capped.ListAsync(WebhookInboxState.Pending, null, 10, CancellationToken.None)).Select(entry => entry.DeliveryKey).Should().Equal("small", "tiny");

        static async Task<Exception?> Record(Func<ValueTask<WebhookInboxEnqueueResult>> enqueue)
        {
            try
            {
                await enqueue();
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }
    }

    [Fact]
    public async Task LockedByAnotherProcessPastBusyTimeout_EnqueueThrowsTheTypedError_AndSucceedsOnceTheLockIsGone()
    {
        await using var store = _database.OpenStore(options => options.BusyTimeout = TimeSpan.FromMilliseconds(200));
        await store.InitializeAsync(CancellationToken.None);
        using var locker = OpenSideConnection();
        Scalar(locker, "BEGIN IMMEDIATE;");

        var act = async () => await EnqueueAsync(store, "k");
        (await act.Should().ThrowAsync<WebhookInboxStoreException>()).Which.Message.Should().Contain("locked");

        Scalar(locker, "ROLLBACK;");
        (await EnqueueAsync(store, "k")).Should().Be(WebhookInboxEnqueueResult.Inserted);
    }

    [Fact]
    public async Task ConcurrentWrites_ShareCommits_YetEachReturnsOnlyAfterItsCommit()
    {
        var commits = 0;
        await using var store = _database.OpenStore();
        store.Connections.ConnectionOpened = connection =>
            SQLitePCL.raw.sqlite3_commit_hook(connection.Handle, _ => { Interlocked.Increment(ref commits); return 0; }, null);
        await store.InitializeAsync(CancellationToken.None);
        using var locker = OpenSideConnection();
        Scalar(locker, "BEGIN IMMEDIATE;");
        Volatile.Write(ref commits, 0);

        // The writer stalls on the lock while the other writes queue up behind it.
        var writes = Enumerable.Range(0, 64).Select(index => EnqueueAsync(store, $"k{index}").AsTask()).ToArray();
        await Task.Delay(100);
        Scalar(locker, "ROLLBACK;");
        await Task.WhenAll(writes);

        Volatile.Read(ref commits).Should().BeLessThan(16, "64 queued writes share a handful of commits");
        using var side = OpenSideConnection();
        Scalar(side, "SELECT COUNT(*) FROM webhook_inbox;").Should().Be(64L, "every write that returned is committed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x.db;Mode=Memory")]
    [InlineData("Data Source=x.db;Mode=ReadOnly")]
    [InlineData("Data Source=x.db;Bogus=1")]
    public void UseSqlite_ConnectionStringThatCannotHoldTheInbox_ThrowsAtRegistration(string connectionString)
    {
        var act = () => new ServiceCollection().AddWebhookInbox().UseSqlite(connectionString);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void UseSqlite_BusyTimeoutOutOfRange_ThrowsAtRegistration()
    {
        var act = () => new ServiceCollection().AddWebhookInbox().UseSqlite("Data Source=x.db", options => options.BusyTimeout = TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task UseSqlite_RegistersTheStore_AndTheOperatorApiWorksOverIt()
    {
        var services = new ServiceCollection();
        services.AddWebhookInbox().UseSqlite(_database.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IWebhookInboxStore>();
        await store.EnqueueAsync(InboxDeliveries.Create("dead", parseError: "bad"), T0, TimeSpan.FromHours(1), CancellationToken.None);
        var inbox = provider.GetRequiredService<IWebhookInbox>();

        (await inbox.GetStatisticsAsync()).Failed.Should().Be(1);
        var failed = (await inbox.ListAsync(WebhookInboxState.Failed)).Single();
        (await inbox.GetAsync(failed.Id))!.LastError.Should().Be("bad");
        (await inbox.ReplayAsync(failed.Id)).Should().BeTrue();
        (await inbox.GetStatisticsAsync()).Pending.Should().Be(1);
        var tooLarge = async () => await inbox.ListAsync(WebhookInboxState.Pending, limit: 1001);
        await tooLarge.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task HealthCheck_StoreThatCannotBeOpened_IsUnhealthy()
    {
        var services = new ServiceCollection();
        services.AddWebhookInbox().UseSqlite($"Data Source={Path.Combine(_database.Directory, "missing", "inbox.db")}");
        await using var provider = services.BuildServiceProvider();
        var check = provider.GetRequiredService<WebhookInboxHealthCheck>();

        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("webhook-inbox", check, HealthStatus.Unhealthy, null),
        });

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Exception.Should().BeOfType<WebhookInboxStoreException>();
    }

    [Fact]
    public void AddWebhookInbox_WithoutAStore_FailsWithAMessageNamingTheFix()
    {
        var services = new ServiceCollection();
        services.AddWebhookInbox();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IWebhookInbox>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseSqlite*");
    }
}
