using System.Diagnostics;
using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Classet.Boooply.Webhooks.PostgreSql.Load;

/// <summary>
/// Acknowledgements through the endpoint (`--endpoint`): one receiver process (the TestHost's receiver mode: Kestrel on
/// loopback, the Boooply endpoint with UseInbox(), the PostgreSQL inbox, its dispatcher running a no-op handler) posted
/// signed deliveries by 16 concurrent HttpClient requests, against the floor: the same bodies in the same
/// INSERT ... ON CONFLICT DO NOTHING from 16 connections, no endpoint. Alternating rounds, medians, one report.
/// </summary>
internal static class EndpointLoad
{
    private const int Concurrency = 16;
    private const string Secret = "whsec_load-endpoint-secret";

    public static async Task<int> RunAsync(string connectionString, string reportPath, bool quick)
    {
        var count = quick ? 600 : 3000;
        var schema = "load_" + Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine(Path.GetTempPath(), schema);
        Directory.CreateDirectory(directory);
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await using var floorSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Concurrency + 4 }.ConnectionString);
        Process? host = null;
        Uri address;
        try
        {
            (host, address) = await StartReceiverAsync(connectionString, schema, Path.Combine(directory, "receiver.log"));
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = address };

            var round = 0;
            (BoooplyTestDelivery Delivery, string Key)[] Deliveries(string prefix) => Enumerable.Range(0, count)
                .Select(i => BoooplyTestEvents.Evaluation(d => d with { MeetingCode = prefix + i }))
                .Select(e => (BoooplyTestDeliveries.Create(e, Secret), WebhookTestContexts.For(e).DeliveryKey)).ToArray();

            async Task<double> EndpointRate()
            {
                var deliveries = Deliveries($"e{round++}-");
                var failures = 0;
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (d, ct) =>
                {
                    using var request = d.Delivery.ToHttpRequestMessage("/webhooks/boooply");
                    using var response = await client.SendAsync(request, ct);
                    if ((int)response.StatusCode != 200)
                    {
                        Interlocked.Increment(ref failures);
                    }
                });
                var rate = count / clock.Elapsed.TotalSeconds;
                return failures == 0 ? rate : throw new InvalidOperationException($"{failures} deliveries were not answered 200");
            }

            async Task<double> FloorRate()
            {
                var deliveries = Deliveries($"f{round++}-");
                // State 2 (completed): rows the receiver's dispatcher leaves alone, so the floor is only the insert.
                var sql = $"INSERT INTO \"{schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, next_attempt_at) " +
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, 2, $7) ON CONFLICT (vendor, delivery_key) DO NOTHING";
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (d, ct) =>
                {
                    await using var connection = await floorSource.OpenConnectionAsync(ct);
                    await using var command = new NpgsqlCommand(sql, connection);
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WebhookVendorNames.Boooply });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = d.Key });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "interview.evaluation" });
                    command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = d.Delivery.Body.ToArray() });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "{}" });
                    command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = 1 });
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTimeOffset.UtcNow });
                    await command.ExecuteNonQueryAsync(ct);
                });
                return count / clock.Elapsed.TotalSeconds;
            }

            // Warm-up (JIT, pools, Kestrel connections), then three alternating rounds.
            await EndpointRate();
            await FloorRate();
            var floor = new List<double>();
            var endpoint = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                floor.Add(await FloorRate());
                endpoint.Add(await EndpointRate());
                Console.WriteLine($"round {i}: floor {floor[^1]:0}/s, endpoint {endpoint[^1]:0}/s");
            }

            static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            var body = Deliveries("size-")[0].Delivery.Body.Length;
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"# PostgreSQL inbox: acknowledgements through the endpoint vs the bare INSERT floor");
            report.AppendLine();
            report.AppendLine("Run it against a throwaway server (the same one CI starts):");
            report.AppendLine();
            report.AppendLine("```sh");
            report.AppendLine("eval \"$(bash .ci/postgres.sh start)\"");
            report.AppendLine("dotnet run -c Release --project benchmarks/Classet.Boooply.Webhooks.PostgreSql.Load -- \"$CLASSET_BOOOPLY_TEST_POSTGRES\" benchmarks/results/postgresql-inbox-endpoint.md --endpoint");
            report.AppendLine("bash .ci/postgres.sh stop \"$CLASSET_BOOOPLY_TEST_POSTGRES_DATA\"");
            report.AppendLine("```");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"One run{(quick ? " (--quick)" : string.Empty)}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL on loopback started by `.ci/postgres.sh` (`synchronous_commit = on`). " +
                $"The machine has 2 cores **shared with other sessions** (1-minute load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end): read the ratio, not the rates.");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Endpoint: one receiver process (Kestrel on 127.0.0.1, `MapBoooplyWebhooks` with `UseInbox()`, `UsePostgreSql`), its dispatcher running a no-op handler on the same machine meanwhile; {Concurrency} concurrent `HttpClient` requests, {count} signed `interview.evaluation` deliveries of {body} bytes per round, every answer 200. " +
                $"Floor: the same bodies and keys in a bare `INSERT ... ON CONFLICT DO NOTHING` from {Concurrency} pooled connections, no endpoint. Three alternating rounds after a warm-up; medians.");
            report.AppendLine();
            report.AppendLine("| floor (bare INSERT) | endpoint (HTTP, verify, store, 200) | ratio |");
            report.AppendLine("| --- | --- | --- |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| {Median(floor):0}/s | {Median(endpoint):0}/s | {Median(endpoint) / Median(floor):0.00}x |");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Rounds: floor {string.Join(", ", floor.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))}; endpoint {string.Join(", ", endpoint.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))}.");
            await File.WriteAllTextAsync(reportPath, report.ToString());
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            if (host is not null)
            {
                host.StandardInput.Close();
                if (!host.WaitForExit(30_000))
                {
                    host.Kill(entireProcessTree: true);
                }

                host.Dispose();
            }

            await using (var command = admin.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
            {
                await command.ExecuteNonQueryAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(Process Process, Uri Address)> StartReceiverAsync(string connectionString, string schema, string logFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Classet.Boooply.Webhooks.PostgreSql.TestHost.dll"));
        foreach (var argument in new[] { "receiver", connectionString, schema, logFile, "30", "8", "0", Secret })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var line = await process.StandardOutput.ReadLineAsync();
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("receiver did not start: " + line);
        }

        return (process, new Uri(line["ready ".Length..]));
    }
}
