using Classet.Boooply.Webhooks.Inbox.CrashHost;
using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;

// Usage:
//   CrashHost <database file> <marker file> <lease seconds>
//     Runs a dispatcher whose handler appends "started <key> <attempt>" to the marker file and then hangs, as a worker
//     that stops responding would; the parent test kills this process with SIGKILL while the handler runs.
//   CrashHost receiver <database file> <marker file> <url file> <lease seconds> <boooply secret>
//     Runs a receiver with the SQLite inbox (see ReceiverHost); the parent posts deliveries and kills it mid-run.
if (args.Length == 6 && args[0] == "receiver")
{
    return await ReceiverHost.RunAsync(args[1], args[2], args[3], TimeSpan.FromSeconds(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture)), args[5]);
}

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: CrashHost <database file> <marker file> <lease seconds> | CrashHost receiver <database file> <marker file> <url file> <lease seconds> <boooply secret>");
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
