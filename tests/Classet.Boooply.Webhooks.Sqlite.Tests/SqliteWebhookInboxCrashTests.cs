using System.Reflection;
using System.Diagnostics;
using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>A worker process killed with SIGKILL mid-handler: its lease expires and another process takes the entry over.</summary>
public sealed class SqliteWebhookInboxCrashTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WorkerKilledMidHandler_ItsEntryIsTakenOverAfterTheLeaseExpires_AndHandledOnce()
    {
        const int leaseSeconds = 2;
        await using (var store = _database.OpenStore())
        {
            await store.EnqueueAsync(InboxDeliveries.Create("killed-mid-handler"), DateTimeOffset.UtcNow, TimeSpan.FromDays(1), CancellationToken.None);
        }

        var marker = Path.Combine(_database.Directory, "child.log");
        using var child = StartCrashHost(marker, leaseSeconds);
        try
        {
            await Eventually.WaitAsync(() => File.Exists(marker) && File.ReadAllText(marker).Contains("started killed-mid-handler 1"), "the child's handler started");
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no release, the lease just stays behind
            await child.WaitForExitAsync();
        }

        var processor = new TestProcessor(TimeProvider.System);
        await using var survivor = new InboxTestHost(_ => _database.OpenStore(), TimeProvider.System, options => options.LeaseDuration = TimeSpan.FromSeconds(leaseSeconds), processor);
        var orphan = (await survivor.Inbox.ListAsync(WebhookInboxState.Processing)).Single();
        orphan.LeaseOwner.Should().NotBeNull().And.NotBe(survivor.Dispatcher.Owner);
        await survivor.StartAsync();

        await Eventually.WaitAsync(async () => (await survivor.Inbox.GetAsync(orphan.Id))!.State == WebhookInboxState.Completed, "taken over and completed");
        var call = processor.Calls.Single();
        call.Attempt.Should().Be(2, "the killed attempt counts");
        call.At.Should().BeOnOrAfter(orphan.LeaseExpiresAt!.Value, "not before the dead worker's lease expired");
        File.ReadAllLines(marker).Should().ContainSingle("the killed process ran the handler once");
    }

    private Process StartCrashHost(string marker, int leaseSeconds)
    {
        // Built for net10.0 whichever framework this test leg runs on (see the project file).
        var assembly = typeof(SqliteWebhookInboxCrashTests).Assembly.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "CrashHostPath").Value!;
        File.Exists(assembly).Should().BeTrue("the crash host is built before the tests ({0})", assembly);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { assembly, _database.FilePath, marker, leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The crash host did not start.");
    }
}
