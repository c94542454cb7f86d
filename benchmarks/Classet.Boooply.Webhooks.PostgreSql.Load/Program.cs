using System.Diagnostics;
using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.PostgreSql;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Classet.Boooply.Webhooks.PostgreSql.Load;
using Npgsql;
using NpgsqlTypes;

// Bounded load runs against a real PostgreSQL server, all in one run so that the ratios compare like with like:
// 1. enqueue (the acknowledgement's store write) through the store vs the bare INSERT ... ON CONFLICT floor, same concurrency;
//    and the same store path beside a million completed rows;
// 2. dispatch throughput of 1, 2 and 4 instance processes with a no-op handler;
// 3. acknowledgement-to-handler latency in another process, woken by LISTEN/NOTIFY.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Load <connection string> <report.md> [--quick] [--endpoint]");
    return 2;
}

var connectionString = args[0];
var reportPath = args[1];
var quick = args.Contains("--quick");
if (args.Contains("--endpoint"))
{
    return await EndpointLoad.RunAsync(connectionString, reportPath, quick);
}

const int Concurrency = 16;
var enqueueCount = quick ? 600 : 3000;
var dispatchCount = quick ? 600 : 3000;
var latencySamples = quick ? 60 : 300;
var report = new StringBuilder();
var schema = "load_" + Guid.NewGuid().ToString("N")[..12];
var directory = Path.Combine(Path.GetTempPath(), schema);
Directory.CreateDirectory(directory);

await using var admin = NpgsqlDataSource.Create(connectionString);
async Task Sql(string sql)
{
    await using var command = admin.CreateCommand(sql);
    command.CommandTimeout = 600;
    await command.ExecuteNonQueryAsync();
}

async Task<long> Count(string where)
{
    await using var command = admin.CreateCommand($"SELECT count(*) FROM \"{schema}\".inbox WHERE {where}");
    return (long)(await command.ExecuteScalarAsync())!;
}

PostgreSqlWebhookInboxStore NewStore() => PostgreSqlRegistration.CreateInboxStore(
    NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Concurrency + 4 }.ConnectionString),
    ownsDataSource: true, new PostgreSqlWebhookStoreOptions { SchemaName = schema }, null);

var body = Encoding.UTF8.GetBytes("{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"Boooply-AI-1234567890\",\"candidateName\":\"Jane Doe\",\"scores\":{\"overall\":72,\"technicalSkills\":75},\"overallRating\":3,\"recommendation\":\"PASS\",\"timestamp\":\"2026-03-01T12:00:00.000Z\"}}");
var run = 0;

async Task<double> StoreRate(PostgreSqlWebhookInboxStore store)
{
    var prefix = $"s{run++}-";
    var stopwatch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, enqueueCount), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
    {
        var delivery = InboxDeliveries.Create(prefix + i) with { Body = body };
        await store.EnqueueAsync(delivery, DateTimeOffset.UtcNow, TimeSpan.FromDays(7), ct);
    });
    return enqueueCount / stopwatch.Elapsed.TotalSeconds;
}

// The floor: the same row, the same INSERT ... ON CONFLICT on the same unique key, from the same number of connections,
// without the store (no replacement clause, no NOTIFY, no schema check, no error mapping).
async Task<double> FloorRate(NpgsqlDataSource dataSource)
{
    var prefix = $"f{run++}-";
    var sql = $"INSERT INTO \"{schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, next_attempt_at) " +
              "VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $7) ON CONFLICT (vendor, delivery_key) DO NOTHING";
    var stopwatch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, enqueueCount), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
    {
        var copy = body.ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WebhookVendorNames.Boooply });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix + i });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "interview.scores" });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = copy });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "{}" });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = 1 });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTimeOffset.UtcNow });
        await command.ExecuteNonQueryAsync(ct);
    });
    return enqueueCount / stopwatch.Elapsed.TotalSeconds;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted[sorted.Length / 2];
}

string F(double value) => value.ToString("0", CultureInfo.InvariantCulture);
string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

try
{
    Console.WriteLine($"schema {schema}");
    await using (var setup = NewStore())
    {
        await setup.InitializeAsync(default);
    }

    // 1. Enqueue: store vs floor, alternating, three rounds each.
    await using var floorSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Concurrency + 4 }.ConnectionString);
    await using var store = NewStore();
    await store.InitializeAsync(default);
    await StoreRate(store);
    await FloorRate(floorSource);
    var floor = new List<double>();
    var stored = new List<double>();
    for (var round = 0; round < 3; round++)
    {
        floor.Add(await FloorRate(floorSource));
        stored.Add(await StoreRate(store));
        Console.WriteLine($"round {round}: floor {F(floor[^1])}/s, store {F(stored[^1])}/s");
    }

    // The same store path beside a million completed rows (state 2, the partial indexes' business only).
    var completedRows = quick ? 100_000 : 1_000_000;
    var stopwatch = Stopwatch.StartNew();
    await Sql($"INSERT INTO \"{schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, completed_at) " +
              $"SELECT 'boooply', 'old' || g, 'interview.scores', '\\x7b7d'::bytea, '{{}}', 1, now(), 2, now() - interval '1 hour' FROM generate_series(1, {completedRows}) g; ANALYZE \"{schema}\".inbox");
    Console.WriteLine($"{completedRows} completed rows in {stopwatch.Elapsed.TotalSeconds:0} s");
    var big = new List<double>();
    var bigFloor = new List<double>();
    for (var round = 0; round < 3; round++)
    {
        bigFloor.Add(await FloorRate(floorSource));
        big.Add(await StoreRate(store));
        Console.WriteLine($"with completed rows, round {round}: floor {F(bigFloor[^1])}/s, store {F(big[^1])}/s");
    }

    // 2. Dispatch throughput with 1, 2 and 4 instance processes (no-op handler, MaxConcurrency 8 each).
    var dispatch = new List<(int Processes, double Rate)>();
    foreach (var processes in new[] { 1, 2, 4 })
    {
        await Sql($"DELETE FROM \"{schema}\".inbox WHERE state <> 2");
        var hosts = new List<Process>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                hosts.Add(await StartHostAsync(Path.Combine(directory, $"dispatch{processes}-{i}.log")));
            }

            var due = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            await Sql($"INSERT INTO \"{schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, next_attempt_at) " +
                      $"SELECT 'boooply', 'p{processes}-' || g, 'interview.scores', '\\x7b7d'::bytea, '{{}}', 1, '{due}', 0, '{due}' FROM generate_series(1, {dispatchCount}) g; " +
                      $"SELECT pg_notify('{schema}_inbox', '')");
            while (await Count("state = 0 OR state = 1") > 0)
            {
                await Task.Delay(20);
            }

            dispatch.Add((processes, dispatchCount / clock.Elapsed.TotalSeconds));
            Console.WriteLine($"{processes} process(es): {F(dispatch[^1].Rate)}/s");
        }
        finally
        {
            foreach (var host in hosts)
            {
                Stop(host);
            }
        }
    }

    // 3. Acknowledgement-to-handler latency: this process stores (and NOTIFYs), another process's dispatcher runs the handler.
    await Sql($"DELETE FROM \"{schema}\".inbox WHERE state <> 2");
    var latencyLog = Path.Combine(directory, "latency.log");
    var latencyHost = await StartHostAsync(latencyLog);
    var acknowledged = new Dictionary<string, long>();
    try
    {
        for (var i = 0; i < latencySamples; i++)
        {
            var key = "lat" + i;
            await store.EnqueueAsync(InboxDeliveries.Create(key) with { Body = body }, DateTimeOffset.UtcNow, TimeSpan.FromDays(7), default);
            acknowledged[key] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Task.Delay(25);
        }

        while (await Count("state = 0 OR state = 1") > 0)
        {
            await Task.Delay(20);
        }
    }
    finally
    {
        Stop(latencyHost);
    }

    var latencies = File.ReadAllLines(latencyLog).Select(line => line.Split(' ')).Where(p => p[0] == "start" && acknowledged.ContainsKey(p[1]))
        .Select(p => (double)Math.Max(0, long.Parse(p[3], CultureInfo.InvariantCulture) - acknowledged[p[1]])).OrderBy(v => v).ToArray();
    double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];

    var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    report.AppendLine("# PostgreSQL inbox: load run");
    report.AppendLine();
    report.AppendLine($"One run of `benchmarks/Classet.Boooply.Webhooks.PostgreSql.Load` ({(quick ? "--quick" : "full")}), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL on loopback started by `.ci/postgres.sh` (default durability: `synchronous_commit = on`, fsync on).");
    report.AppendLine($"The machine has {Environment.ProcessorCount} cores **shared with other sessions** (1-minute load average {load} at the end of the run): absolute rates are noisy, the ratios measured in the same run are the figures to read.");
    report.AppendLine();
    report.AppendLine($"## 1. Acknowledgement write: the store's enqueue vs the bare INSERT floor ({Concurrency} concurrent connections, {enqueueCount} deliveries of {body.Length} bytes per round, median of 3 alternating rounds)");
    report.AppendLine();
    report.AppendLine("| table | floor (bare INSERT ... ON CONFLICT DO NOTHING) | store.EnqueueAsync (+ retention clause, NOTIFY, error mapping) | ratio |");
    report.AppendLine("| --- | --- | --- | --- |");
    report.AppendLine($"| fresh | {F(Median(floor))}/s | {F(Median(stored))}/s | {R(Median(stored) / Median(floor))}x |");
    report.AppendLine($"| beside {completedRows:N0} completed rows | {F(Median(bigFloor))}/s | {F(Median(big))}/s | {R(Median(big) / Median(bigFloor))}x |");
    report.AppendLine();
    report.AppendLine($"Store path with {completedRows:N0} completed rows vs fresh: {R(Median(big) / Median(stored))}x. Rounds: floor {string.Join(", ", floor.Select(F))}; store {string.Join(", ", stored.Select(F))}; with completed rows floor {string.Join(", ", bigFloor.Select(F))}, store {string.Join(", ", big.Select(F))}.");
    report.AppendLine();
    report.AppendLine($"## 2. Dispatch throughput ({dispatchCount} due entries, no-op handler, each process MaxConcurrency 8, claim batches up to 8)");
    report.AppendLine();
    report.AppendLine("| dispatching processes | handled/s | vs 1 process |");
    report.AppendLine("| --- | --- | --- |");
    foreach (var (processes, rate) in dispatch)
    {
        report.AppendLine($"| {processes} | {F(rate)} | {R(rate / dispatch[0].Rate)}x |");
    }

    report.AppendLine();
    report.AppendLine($"## 3. Acknowledgement to handler start, across processes ({latencies.Length} deliveries, one every 25 ms; the dispatcher polls every 1 s, so only NOTIFY explains less)");
    report.AppendLine();
    report.AppendLine($"p50 {Percentile(0.5):0} ms, p90 {Percentile(0.9):0} ms, p99 {Percentile(0.99):0} ms, max {latencies[^1]:0} ms; {100.0 * latencies.Count(l => l < 100) / latencies.Length:0}% under 100 ms.");
    await File.WriteAllTextAsync(reportPath, report.ToString());
    Console.WriteLine(report);
    return 0;
}
finally
{
    await Sql($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
    Directory.Delete(directory, recursive: true);
}

async Task<Process> StartHostAsync(string logFile)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Classet.Boooply.Webhooks.PostgreSql.TestHost.dll"));
    foreach (var argument in new[] { connectionString, schema, logFile, "30", "8", "0" })
    {
        start.ArgumentList.Add(argument);
    }

    var process = Process.Start(start)!;
    var line = await process.StandardOutput.ReadLineAsync();
    if (line != "ready")
    {
        throw new InvalidOperationException("host did not start: " + line + " " + await process.StandardError.ReadToEndAsync());
    }

    return process;
}

static void Stop(Process process)
{
    process.StandardInput.Close();
    if (!process.WaitForExit(30_000))
    {
        process.Kill(entireProcessTree: true);
    }

    process.Dispose();
}
