using System.Globalization;
using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.PostgreSql;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Classet.Boooply.Webhooks.PostgreSql.TestHost;
using Npgsql;

// Usage: TestHost receiver ... (see ReceiverHost): a whole receiver instance, endpoint and inbox, on Kestrel.
if (args.Length > 0 && args[0] == "receiver")
{
    return await ReceiverHost.RunAsync(args);
}

// Or: TestHost <connection string> <schema> <log file> <lease seconds> <max concurrency> <handler milliseconds>
// One app instance: an inbox dispatcher on the shared schema whose handler appends "start <key> <attempt> <unix ms>"
// to the log file, waits the given time, then appends "done <key> <attempt> <unix ms>". Prints "ready" once its
// listener is subscribed; runs until killed (SIGKILL) or until its standard input closes (a graceful stop).
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: TestHost <connection string> <schema> <log file> <lease seconds> <max concurrency> <handler milliseconds>");
    return 2;
}

var (connectionString, schema, logFile) = (args[0], args[1], args[2]);
var lease = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
var handlerTime = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));
var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
var gate = new object();
void Write(string what, string key, int attempt)
{
    lock (gate)
    {
        log.WriteLine($"{what} {key} {attempt} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
    }
}

var processor = new TestProcessor(TimeProvider.System, async (entry, attempt, cancellationToken) =>
{
    Write("start", entry.DeliveryKey, attempt);
    if (handlerTime > TimeSpan.Zero)
    {
        await Task.Delay(handlerTime, CancellationToken.None);
    }

    Write("done", entry.DeliveryKey, attempt);
});

PostgreSqlWebhookInboxStore? store = null;
var dataSource = NpgsqlDataSource.Create(connectionString);
await using var host = new InboxTestHost(
    _ => store = PostgreSqlRegistration.CreateInboxStore(dataSource, ownsDataSource: true, new PostgreSqlWebhookStoreOptions { SchemaName = schema }, null),
    TimeProvider.System,
    options =>
    {
        options.LeaseDuration = lease;
        options.MaxConcurrency = concurrency;
        options.PollInterval = TimeSpan.FromSeconds(1);
        options.RetryDelays.Add(TimeSpan.FromSeconds(1));
    },
    processor);
await host.StartAsync();
using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
{
    while (store?.Listener is not { Subscriptions: > 0 })
    {
        await Task.Delay(10, ready.Token);
    }
}

Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await host.StopAsync();
return 0;
