using System.Diagnostics;
using System.Globalization;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// Latency from acknowledgement to the handler starting, through <c>UseInbox()</c> on SQLite, on an otherwise idle
/// process: one delivery at a time, timed from the receiver's answer (the commit) to the first line of the handler.
/// BenchmarkDotNet measures whole operations, not a span inside one, so this is a small harness of its own:
/// <c>dotnet run -c Release --project benchmarks/Classet.Boooply.Webhooks.Benchmarks -- --inbox-latency</c>.
/// </summary>
internal static class InboxLatency
{
    private const int Warmup = 50;
    private const int Measured = 500;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("inbox-latency-");
        try
        {
            var started = new TaskCompletionSource<long>[Warmup + Measured + 1];
            for (var i = 0; i < started.Length; i++)
            {
                started[i] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await using var app = InboxEnqueueBenchmarks.BuildReceiverApp(Path.Combine(directory.FullName, "inbox.db"), inbox: true, (webhookEvent, _, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                var index = int.Parse(webhookEvent.MeetingCode.AsSpan(4), CultureInfo.InvariantCulture);
                started[index].TrySetResult(now);
                return Task.CompletedTask;
            });
            await app.StartAsync();
            var receiver = app.Services.GetRequiredService<BoooplyWebhookReceiver>();
            var latencies = new List<double>(Measured);
            for (var index = 0; index < Warmup + Measured; index++)
            {
                var (body, headers) = InboxEnqueueBenchmarks.SignedDelivery(index);
                var result = await receiver.ReceiveAsync(headers, body, CancellationToken.None);
                var acknowledged = Stopwatch.GetTimestamp();
                if (result.StatusCode != 200)
                {
                    throw new InvalidOperationException($"Answered {result.StatusCode} ({result.Outcome}).");
                }

                var handlerStarted = await started[index].Task.WaitAsync(TimeSpan.FromSeconds(30));
                if (index >= Warmup)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(acknowledged, Math.Max(acknowledged, handlerStarted)).TotalMilliseconds);
                }

                // Idle between deliveries, as a receiver between webhooks is.
                await Task.Delay(5);
            }

            await app.StopAsync();
            latencies.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ack -> handler start, {Measured} deliveries one at a time after {Warmup} warm-up: p50 {Percentile(latencies, 0.50):0.00} ms, p90 {Percentile(latencies, 0.90):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
}
