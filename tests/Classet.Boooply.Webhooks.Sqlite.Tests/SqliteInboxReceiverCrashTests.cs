using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>
/// A whole receiver process (Kestrel, <c>UseInbox()</c>, a SQLite file) killed with SIGKILL while deliveries arrive over
/// HTTP, then restarted on the same file while the vendor retries: nothing that was acknowledged is lost, and the only
/// second runs are handlers that were running at the kill.
/// </summary>
public sealed class SqliteInboxReceiverCrashTests : IDisposable
{
    private const string Secret = "whsec_crash-test-secret";
    private const int Deliveries = 500;
    private const int KillAfterAcknowledged = 200;
    private const int MaxConcurrency = 8; // the inbox default: at most this many handlers run at once, so can be cut off
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ReceiverKilledUnderLoad_RestartedOnTheSameFile_EveryAcknowledgedDeliveryIsHandled_AndOnlyInterruptedOnesTwice()
    {
        var marker = Path.Combine(_database.Directory, "handled.log");
        var bodies = Enumerable.Range(0, Deliveries).Select(Body).ToArray();
        var acknowledged = new ConcurrentDictionary<int, bool>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // First life: deliveries arrive 16 at a time; the process is killed once 200 have been acknowledged.
        var first = StartReceiver(marker, "first");
        var firstUrl = await WaitForUrlAsync(first.UrlFile);
        var killed = 0;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Deliveries), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, token) =>
            {
                if (Volatile.Read(ref killed) == 1)
                {
                    return;
                }

                try
                {
                    using var response = await client.SendAsync(Request(firstUrl, bodies[index]), token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[index] = true;
                        if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            first.Process.Kill(entireProcessTree: true); // SIGKILL, mid-run
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // In flight at the kill: not acknowledged, so the vendor retries it below.
                }
            });
        }
        finally
        {
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
        }

        acknowledged.Count.Should().BeGreaterThanOrEqualTo(KillAfterAcknowledged);

        // Second life on the same file. The vendor retries what was not acknowledged; what was acknowledged must be in
        // the file and is handled without being sent again.
        var second = StartReceiver(marker, "second");
        try
        {
            var secondUrl = await WaitForUrlAsync(second.UrlFile);
            var retries = Enumerable.Range(0, Deliveries).Where(index => !acknowledged.ContainsKey(index)).ToList();
            var statuses = new ConcurrentBag<HttpStatusCode>();
            await Parallel.ForEachAsync(retries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, token) =>
            {
                using var response = await client.SendAsync(Request(secondUrl, bodies[index]), token);
                statuses.Add(response.StatusCode);
            });
            statuses.Should().HaveCount(retries.Count).And.OnlyContain(status => status == HttpStatusCode.OK);

            var handled = await WaitForAllHandledAsync(marker);
            handled.Keys.Should().HaveCount(Deliveries, "every delivery acknowledged before the kill was stored, and every retry after it");
            var twice = handled.Where(pair => pair.Value.Count > 1).ToList();
            twice.Count.Should().BeLessThanOrEqualTo(MaxConcurrency, "only handlers running at the kill may run again");
            twice.Where(pair => pair.Value.Count != 2 || pair.Value.Max() < 2).Should().BeEmpty("a second run is a later attempt, taken over after the lease");

            // Copies of acknowledged deliveries (a vendor that did not see the 200, say): answered 200, not handled again.
            var lines = File.ReadAllLines(marker).Length;
            foreach (var index in acknowledged.Keys.Take(50))
            {
                using var copy = await client.SendAsync(Request(secondUrl, bodies[index]));
                copy.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            File.ReadAllLines(marker).Length.Should().Be(lines, "a copy of a handled delivery runs nothing");
        }
        finally
        {
            second.Process.Kill(entireProcessTree: true);
            await second.Process.WaitForExitAsync();
        }
    }

    private static string Body(int index) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"event":"interview.scores","data":{"meetingCode":"crash-{{{index}}}","candidateName":"Candidate {{{index}}}","scores":{"overall":{{{index % 100}}}},"timestamp":"2025-06-01T12:00:00.000Z"}}""");

    private static HttpRequestMessage Request(Uri baseAddress, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/webhooks/boooply")) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(body, Secret));
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Event, "interview.scores");
        return request;
    }

    private static async Task<Dictionary<string, List<int>>> WaitForAllHandledAsync(string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var handled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            using (var stream = new FileStream(marker, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    var parts = line.Split(' ');
                    if (parts.Length == 3)
                    {
                        (handled.TryGetValue(parts[1], out var attempts) ? attempts : handled[parts[1]] = []).Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
                    }
                }
            }

            if (handled.Count >= Deliveries || DateTime.UtcNow > deadline)
            {
                // One more lease period, so that a second run still to come would be counted.
                await Task.Delay(TimeSpan.FromSeconds(3));
                return handled.Count >= Deliveries ? await ReadOnceAsync(marker) : handled;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<Dictionary<string, List<int>>> ReadOnceAsync(string marker)
    {
        var handled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(marker))
        {
            var parts = line.Split(' ');
            (handled.TryGetValue(parts[1], out var attempts) ? attempts : handled[parts[1]] = []).Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return handled;
    }

    private static async Task<Uri> WaitForUrlAsync(string urlFile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!File.Exists(urlFile))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the receiver writes its address once it listens");
            await Task.Delay(50);
        }

        return new Uri(await File.ReadAllTextAsync(urlFile));
    }

    private (Process Process, string UrlFile) StartReceiver(string marker, string life)
    {
        // Built for net10.0 whichever framework this test leg runs on (see the project file).
        var assembly = typeof(SqliteInboxReceiverCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "CrashHostPath").Value!;
        var urlFile = Path.Combine(_database.Directory, life + ".url");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { assembly, "receiver", _database.FilePath, marker, urlFile, "2", Secret })
        {
            start.ArgumentList.Add(argument);
        }

        return (Process.Start(start) ?? throw new InvalidOperationException("The receiver did not start."), urlFile);
    }
}
