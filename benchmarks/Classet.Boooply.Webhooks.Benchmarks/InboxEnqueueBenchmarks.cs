using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
/// <para>
/// Two more rows put the store behind the receiver, as an app runs it: <see cref="BoooplyWebhookReceiver"/> (the
/// host-agnostic endpoint <c>MapBoooplyWebhooks</c> adapts) verifying, parsing and acknowledging signed 2 KB deliveries
/// from the same 32 concurrent callers, with <c>UseInbox()</c> on a fresh SQLite file and its dispatcher running the
/// (empty) handler in the background, and the same receiver without the inbox, running the handler inline. No HTTP:
/// the socket costs the same with or without the inbox (see EndpointBenchmarks for the loopback figures).
/// </para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class InboxEnqueueBenchmarks
{
    private const int Deliveries = 1000;
    private const int Concurrency = 32;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(new string('x', 2048));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Secret = "whsec_inbox_benchmark_secret";

    private static readonly (byte[] Body, WebhookRequestHeaders Headers)[] Signed = CreateSignedDeliveries();

    private string _directory = string.Empty;
    private string _path = string.Empty;
    private SqliteWebhookInboxStore? _store;
    private WebApplication? _inboxApp;
    private WebApplication? _inlineApp;

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

    [IterationSetup(Targets = [nameof(ReceiverWithInbox)])]
    public void SetupInbox()
    {
        Setup();
        _inboxApp = StartReceiverApp(inbox: true);
    }

    [IterationSetup(Targets = [nameof(ReceiverInline)])]
    public void SetupInline()
    {
        Setup();
        _inlineApp = StartReceiverApp(inbox: false);
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _inboxApp?.StopAsync().GetAwaiter().GetResult();
        _inboxApp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _inboxApp = null;
        _inlineApp?.StopAsync().GetAwaiter().GetResult();
        _inlineApp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _inlineApp = null;
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

    [Benchmark(OperationsPerInvoke = Deliveries, Description = "BoooplyWebhookReceiver + UseInbox (SQLite), acknowledged")]
    public Task ReceiverWithInbox() => ReceiveAllAsync(_inboxApp!);

    [Benchmark(OperationsPerInvoke = Deliveries, Description = "BoooplyWebhookReceiver, handler inline (no inbox)")]
    public Task ReceiverInline() => ReceiveAllAsync(_inlineApp!);

    /// <summary>Builds an app whose Boooply receiver stores into this iteration's file (or runs the handler inline).</summary>
    internal static WebApplication BuildReceiverApp(string databasePath, bool inbox, Func<BoooplyWebhookEvent, WebhookDeliveryContext, CancellationToken, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var webhooks = builder.Services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret))
            .AddHandler(handler ?? (static (_, _, _) => Task.CompletedTask));
        if (inbox)
        {
            builder.Services.AddWebhookInbox(options => options.MaxConcurrency = 8).UseSqlite($"Data Source={databasePath}");
            webhooks.UseInbox();
        }

        return builder.Build();
    }

    internal static (byte[] Body, WebhookRequestHeaders Headers) SignedDelivery(int index) => Signed[index % Signed.Length];

    private WebApplication StartReceiverApp(bool inbox)
    {
        var app = BuildReceiverApp(_path, inbox);
        app.StartAsync().GetAwaiter().GetResult();
        var receiver = app.Services.GetRequiredService<BoooplyWebhookReceiver>();
        var check = receiver.ReceiveAsync(Signed[0].Headers, Signed[0].Body, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (check.StatusCode != 200)
        {
            throw new InvalidOperationException($"The benchmark delivery was answered {check.StatusCode} ({check.Outcome}), not 200.");
        }

        return app;
    }

    private static async Task ReceiveAllAsync(WebApplication app)
    {
        var receiver = app.Services.GetRequiredService<BoooplyWebhookReceiver>();
        var next = 0; // delivery 0 was sent by the setup's check
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) <= Deliveries)
            {
                var (body, headers) = Signed[index];
                var result = await receiver.ReceiveAsync(headers, body, CancellationToken.None);
                if (result.StatusCode != 200)
                {
                    throw new InvalidOperationException($"Answered {result.StatusCode} ({result.Outcome}).");
                }
            }
        })));
    }

    private static (byte[] Body, WebhookRequestHeaders Headers)[] CreateSignedDeliveries() =>
        [.. Enumerable.Range(0, Deliveries + 1).Select(index =>
        {
            var body = Encoding.UTF8.GetBytes(BenchmarkPayloads.Evaluation($"mtg_{index}"));
            var headers = WebhookRequestHeaders.Create(new Dictionary<string, string>
            {
                [BoooplyWebhookHeaders.Signature] = BoooplyWebhookSigner.Sign(body, Secret),
                [BoooplyWebhookHeaders.Event] = "interview.evaluation",
            });
            return (body, headers);
        })];

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
