using System.Net;
using System.Net.Sockets;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// Notifications across instances, a listener whose connection is killed, and a database that goes away and comes back:
/// every member throws <see cref="WebhookInboxStoreException"/> meanwhile, and the same store instance works again after.
/// </summary>
public sealed class PostgreSqlAvailabilityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
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
    public async Task An_enqueue_on_one_instance_wakes_the_listener_of_another_also_after_its_connection_was_terminated()
    {
        await using var sender = PostgresServer.NewStore(_schema);
        await using var receiver = PostgresServer.NewStore(_schema);
        var woken = new SemaphoreSlim(0);
        receiver.Listener!.Notified += () => woken.Release();
        await receiver.InitializeAsync(default);
        await WaitUntilAsync(() => receiver.Listener.Subscriptions >= 1);
        Drain(woken);

        await sender.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("first"), T0, TimeSpan.Zero, default);
        (await woken.WaitAsync(Wait)).Should().BeTrue("the NOTIFY of the enqueue reaches the other instance");

        // Kill the listening backend, as a failover or an idle-connection killer would.
        var backend = receiver.Listener.BackendProcessId;
        backend.Should().BeGreaterThan(0);
        (await PostgresServer.ScalarAsync<bool>($"SELECT pg_terminate_backend({backend})")).Should().BeTrue();
        await WaitUntilAsync(() => receiver.Listener.Subscriptions >= 2);
        receiver.Listener.BackendProcessId.Should().NotBe(backend);
        Drain(woken);

        await sender.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("second"), T0, TimeSpan.Zero, default);
        (await woken.WaitAsync(Wait)).Should().BeTrue("the listener reconnected by itself and hears later enqueues");
    }

    [PostgresFact]
    public async Task While_the_server_cannot_be_reached_every_member_throws_a_store_exception()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var nowhere = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=3";
        await using var store = PostgresServer.NewStore(_schema, nowhere);
        await AllMembersThrowAsync(store);
    }

    [PostgresFact]
    public async Task A_stopped_server_makes_every_member_throw_and_the_same_store_works_again_once_it_is_back()
    {
        await using var server = await DisposableServer.StartAsync();
        await using var store = PostgresServer.NewStore("inbox", server.ConnectionString);
        await using var other = PostgresServer.NewStore("inbox", server.ConnectionString);
        var woken = new SemaphoreSlim(0);
        store.Listener!.Notified += () => woken.Release();
        await store.InitializeAsync(default);
        await store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("before"), T0, TimeSpan.Zero, default);
        var claimed = (await store.ClaimAsync("a", 1, T0, TimeSpan.FromMinutes(1), default)).Single();
        await WaitUntilAsync(() => store.Listener.Subscriptions >= 1);

        await server.StopAsync();
        await AllMembersThrowAsync(store);

        await server.StartAgainAsync();
        (await store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("after"), T0, TimeSpan.Zero, default)).Should().Be(WebhookInboxEnqueueResult.Inserted,
            "the pool's dead connections are not handed out again");
        (await store.CompleteAsync(claimed.Lease!.Value, T0, default)).Should().BeTrue("the lease taken before the outage is still valid");
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(1, 0, 1, 0));
        (await store.ClaimAsync("a", 5, T0, TimeSpan.FromMinutes(1), default)).Should().ContainSingle(e => e.DeliveryKey == "after");

        await WaitUntilAsync(() => store.Listener.Subscriptions >= 2);
        Drain(woken);
        await other.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("heard"), T0, TimeSpan.Zero, default);
        (await woken.WaitAsync(Wait)).Should().BeTrue("the listener is back after the restart");
    }

    private static async Task AllMembersThrowAsync(PostgreSqlWebhookInboxStore store)
    {
        var lease = new WebhookInboxLease(1, Guid.NewGuid());
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("InitializeAsync", () => store.InitializeAsync(default).AsTask()),
            ("EnqueueAsync", () => store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("down"), T0, TimeSpan.Zero, default).AsTask()),
            ("ClaimAsync", () => store.ClaimAsync("a", 1, T0, TimeSpan.FromMinutes(1), default).AsTask()),
            ("RenewLeaseAsync", () => store.RenewLeaseAsync(lease, T0, TimeSpan.FromMinutes(1), default).AsTask()),
            ("CompleteAsync", () => store.CompleteAsync(lease, T0, default).AsTask()),
            ("RescheduleAsync", () => store.RescheduleAsync(lease, T0, "x", default).AsTask()),
            ("ReleaseAsync", () => store.ReleaseAsync(lease, T0, default).AsTask()),
            ("FailAsync", () => store.FailAsync(lease, "x", T0, default).AsTask()),
            ("ReplayAsync", () => store.ReplayAsync(1, T0, default).AsTask()),
            ("PurgeCompletedAsync", () => store.PurgeCompletedAsync(T0, 10, default).AsTask()),
            ("GetStatisticsAsync", () => store.GetStatisticsAsync(default).AsTask()),
            ("GetBacklogAsync", () => store.GetBacklogAsync(default).AsTask()),
            ("GetAsync", () => store.GetAsync(1, default).AsTask()),
            ("ListAsync", () => store.ListAsync(WebhookInboxState.Pending, null, 10, default).AsTask()),
        };
        foreach (var (name, call) in calls)
        {
            var thrown = await FluentActions.Awaiting(call).Should().ThrowAsync<WebhookInboxStoreException>(name + " must report the store as unavailable");
            thrown.Which.InnerException.Should().NotBeNull();
        }
    }

    private static void Drain(SemaphoreSlim semaphore)
    {
        while (semaphore.Wait(0))
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
