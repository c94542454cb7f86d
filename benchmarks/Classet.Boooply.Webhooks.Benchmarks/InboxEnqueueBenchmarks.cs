using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// The SQLite inbox's enqueue against the bare floor: the same INSERT … ON CONFLICT into the same schema, with the same
/// pragmas (WAL, synchronous=FULL) and the same 32 concurrent writers, without the store. Each invocation stores
/// <see cref="Deliveries"/> new deliveries into a fresh database; the result is per delivery.
/// </summary>
/// <remarks>
/// Two floors, because there are two obvious bare ways: 32 connections that each insert and commit (SQLite arbitrates
/// the file lock; Microsoft.Data.Sqlite retries SQLITE_BUSY), and one connection behind a lock that inserts and commits
/// each delivery in turn. The store queues writes to one connection and commits whatever has queued together.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class InboxEnqueueBenchmarks
{
    private const int Deliveries = 1000;
    private const int Concurrency = 32;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(new string('x', 2048));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private string _directory = string.Empty;
    private string _path = string.Empty;
    private SqliteWebhookInboxStore? _store;

    [IterationSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "inbox-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "inbox.db");

        // The schema, WAL and indexes, created by the store itself so every variant writes into the same table.
        _store = new SqliteWebhookInboxStore(new SqliteWebhookInboxOptions { ConnectionString = $"Data Source={_path}" });
        _store.InitializeAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries, Description = "bare: 32 connections, insert + commit each")]
    public async Task BarePerConnection()
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() =>
        {
            using var connection = OpenBare();
            using var command = PrepareInsert(connection);
            int index;
            while ((index = Interlocked.Increment(ref next)) < Deliveries)
            {
                Bind(command, index);
                command.ExecuteNonQuery();
            }
        })));
    }

    [Benchmark(OperationsPerInvoke = Deliveries, Description = "bare: 1 connection behind a lock, insert + commit each")]
    public async Task BareSerialized()
    {
        using var connection = OpenBare();
        using var command = PrepareInsert(connection);
        using var gate = new SemaphoreSlim(1);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Deliveries)
            {
                await gate.WaitAsync();
                try
                {
                    Bind(command, index);
                    command.ExecuteNonQuery();
                }
                finally
                {
                    gate.Release();
                }
            }
        })));
    }

    [Benchmark(OperationsPerInvoke = Deliveries, Description = "SqliteWebhookInboxStore.EnqueueAsync")]
    public async Task StoreEnqueue()
    {
        var store = _store!;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Deliveries)
            {
                await store.EnqueueAsync(Delivery(index), Now, TimeSpan.FromDays(7), CancellationToken.None);
            }
        })));
    }

    /// <summary>
    /// In process (the work is disk-bound, not JIT-sensitive), so that no boilerplate project has to build on a busy
    /// machine; one invocation per iteration, each into a fresh database.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(6)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }

    private static WebhookInboxDelivery Delivery(int index) => new()
    {
        Vendor = WebhookVendorNames.Boooply,
        DeliveryKey = $"mtg_{index}:interview.evaluation",
        EventType = "interview.evaluation",
        Body = Body,
        VerificationMethod = WebhookVerificationMethod.RawBody,
        ReceivedAt = Now,
    };

    private SqliteConnection OpenBare()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=30");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = SqliteInboxSql.Enqueue;
        foreach (var name in new[] { "$vendor", "$key", "$event", "$body", "$headers", "$method", "$received", "$state", "$next", "$error", "$failed", "$cutoff" })
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, int index)
    {
        var p = command.Parameters;
        p["$vendor"].Value = WebhookVendorNames.Boooply;
        p["$key"].Value = $"mtg_{index}:interview.evaluation";
        p["$event"].Value = "interview.evaluation";
        p["$body"].Value = Body;
        p["$headers"].Value = "{}";
        p["$method"].Value = (int)WebhookVerificationMethod.RawBody;
        p["$received"].Value = Now.ToUnixTimeMilliseconds();
        p["$state"].Value = (int)WebhookInboxState.Pending;
        p["$next"].Value = Now.ToUnixTimeMilliseconds();
        p["$error"].Value = DBNull.Value;
        p["$failed"].Value = DBNull.Value;
        p["$cutoff"].Value = (Now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds();
    }
}
