using Classet.Boooply.Webhooks.Inbox.Testing;
using Classet.Boooply.Webhooks.PostgreSql.Internal;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>The real dispatcher woken by another instance's enqueue through LISTEN/NOTIFY, also after its listener was killed.</summary>
public sealed class PostgreSqlWakeUpTests : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresServer.ConnectionString is not null)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    [PostgresFact]
    public async Task An_idle_dispatcher_handles_another_instances_delivery_long_before_its_next_poll()
    {
        var processor = new TestProcessor(TimeProvider.System);
        PostgreSqlWebhookInboxStore? dispatcherStore = null;

        // Polling every 10 minutes: only a notification can wake this dispatcher within the test's time.
        await using var worker = new InboxTestHost(
            _ => dispatcherStore = PostgresServer.NewStore(_schema), TimeProvider.System, options => options.PollInterval = TimeSpan.FromMinutes(10), processor);
        await using var receiver = new InboxTestHost(_ => PostgresServer.NewStore(_schema), TimeProvider.System, options => options.PollInterval = TimeSpan.FromMinutes(10));
        await worker.StartAsync();
        await Eventually.WaitAsync(() => dispatcherStore?.Listener?.Subscriptions >= 1, "the worker listens");

        (await receiver.EnqueueAsync(InboxDeliveries.Create("from-another-instance"))).Should().Be(WebhookInboxEnqueueResult.Inserted);
        await Eventually.WaitAsync(() => processor.Completed.ContainsKey("from-another-instance"), "handled by the other instance's dispatcher");

        // The listener's connection dies (a failover, an idle-connection killer); it reconnects and wakes the dispatcher again.
        var backend = dispatcherStore!.Listener!.BackendProcessId;
        (await PostgresServer.ScalarAsync<bool>($"SELECT pg_terminate_backend({backend})")).Should().BeTrue();
        await Eventually.WaitAsync(() => dispatcherStore.Listener.Subscriptions >= 2, "the listener reconnected");
        (await receiver.EnqueueAsync(InboxDeliveries.Create("after-reconnect"))).Should().Be(WebhookInboxEnqueueResult.Inserted);
        await Eventually.WaitAsync(() => processor.Completed.ContainsKey("after-reconnect"), "handled after the reconnect");
        processor.Calls.Should().HaveCount(2);
    }
}
