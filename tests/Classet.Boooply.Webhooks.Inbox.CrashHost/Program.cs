using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;

// Usage: CrashHost <database file> <marker file> <lease seconds>
// Runs a dispatcher whose handler appends "started <key> <attempt>" to the marker file and then hangs, as a worker that
// stops responding would; the parent test kills this process with SIGKILL while the handler runs.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: CrashHost <database file> <marker file> <lease seconds>");
    return 2;
}

var (database, marker, lease) = (args[0], args[1], TimeSpan.FromSeconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
var processor = new TestProcessor(TimeProvider.System, async (entry, attempt, _) =>
{
    await File.AppendAllTextAsync(marker, $"started {entry.DeliveryKey} {attempt}\n", CancellationToken.None);
    await Task.Delay(Timeout.Infinite, CancellationToken.None); // ignores its token: hangs until killed
});
await using var host = new InboxTestHost(
    _ => new SqliteWebhookInboxStore(new SqliteWebhookInboxOptions { ConnectionString = $"Data Source={database}" }),
    TimeProvider.System,
    options => options.LeaseDuration = lease,
    processor);
await host.StartAsync();
await Task.Delay(Timeout.Infinite);
return 0;
