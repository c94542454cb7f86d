using System.Collections.Concurrent;
using System.Text;
using Classet.Boooply.Webhooks.PostgreSql.Internal;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>The store contract on a real server, each test in a schema of its own.</summary>
public sealed class PostgreSqlInboxStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retain = TimeSpan.FromDays(7);

    private readonly string _schema = PostgresServer.NewSchemaName();
    private readonly List<PostgreSqlWebhookInboxStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (PostgresServer.ConnectionString is not null)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    [PostgresFact]
    public async Task A_delivery_is_stored_once_and_read_back_exactly()
    {
        var store = NewStore();
        var headers = new Dictionary<string, string> { ["X-Boooply-Event"] = "interview.evaluation", ["X-Quote"] = "a \"b\" ü" };
        var body = Encoding.UTF8.GetBytes("{\"event\":\"interview.evaluation\",\"n\":1.50}");
        var delivery = Delivery("k1", body, headers);

        (await store.EnqueueAsync(delivery, T0, Retain, default)).Should().Be(WebhookInboxEnqueueResult.Inserted);
        (await store.EnqueueAsync(delivery, T0.AddSeconds(1), Retain, default)).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        (await store.EnqueueAsync(Delivery("k1", vendor: WebhookVendorNames.Classet), T0, Retain, default)).Should().Be(WebhookInboxEnqueueResult.Inserted, "the key is unique per vendor");

        var pending = await store.ListAsync(WebhookInboxState.Pending, null, 10, default);
        pending.Should().HaveCount(2);
        var entry = pending.Single(e => e.Vendor == WebhookVendorNames.Boooply);
        entry.Body.ToArray().Should().Equal(body);
        entry.Headers.Should().BeEquivalentTo(headers);
        entry.Headers["x-boooply-event"].Should().Be("interview.evaluation", "headers compare case-insensitively");
        entry.EventType.Should().Be("interview.evaluation");
        entry.VerificationMethod.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        entry.ReceivedAt.Should().Be(T0.AddSeconds(-1));
        entry.NextAttemptAt.Should().Be(T0);
        entry.Attempts.Should().Be(0);
        entry.Lease.Should().BeNull();
        (await store.GetAsync(entry.Id, default))!.DeliveryKey.Should().Be("k1");
        (await store.GetAsync(entry.Id + 1000, default)).Should().BeNull();
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(2, 0, 0, 0));
    }

    [PostgresFact]
    public async Task A_dead_letter_is_stored_failed_with_its_parse_error_and_can_be_replayed()
    {
        var store = NewStore();
        var delivery = Delivery("dead", parseError: "bad json");
        (await store.EnqueueAsync(delivery, T0, Retain, default)).Should().Be(WebhookInboxEnqueueResult.Inserted);
        (await store.ClaimAsync("a", 10, T0.AddHours(1), Lease, default)).Should().BeEmpty("a dead letter is not due");
        var failed = (await store.ListAsync(WebhookInboxState.Failed, null, 10, default)).Single();
        failed.LastError.Should().Be("bad json");
        failed.FailedAt.Should().Be(T0);

        (await store.ReplayAsync(failed.Id, T0.AddMinutes(1), default)).Should().BeTrue();
        (await store.ReplayAsync(failed.Id, T0.AddMinutes(1), default)).Should().BeFalse("it is no longer failed");
        var claimed = (await store.ClaimAsync("a", 10, T0.AddMinutes(1), Lease, default)).Single();
        claimed.Id.Should().Be(failed.Id);
        claimed.Attempts.Should().Be(1);
    }

    [PostgresFact]
    public async Task Only_the_lease_holder_changes_an_entry_and_an_expired_lease_is_taken_over()
    {
        var store = NewStore();
        await store.EnqueueAsync(Delivery("k"), T0, Retain, default);
        var first = (await store.ClaimAsync("worker-a", 5, T0, Lease, default)).Single();
        first.State.Should().Be(WebhookInboxState.Processing);
        first.LeaseOwner.Should().Be("worker-a");
        first.LeaseExpiresAt.Should().Be(T0 + Lease);
        first.Attempts.Should().Be(1);
        (await store.ClaimAsync("worker-b", 5, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, default)).Should().BeEmpty("the lease is still valid");

        var forged = new WebhookInboxLease(first.Id, Guid.NewGuid());
        (await store.CompleteAsync(forged, T0, default)).Should().BeFalse();
        (await store.RenewLeaseAsync(forged, T0, Lease, default)).Should().BeFalse();

        // worker-a stalls past its lease; worker-b takes the entry over with a new token.
        var second = (await store.ClaimAsync("worker-b", 5, T0 + Lease, Lease, default)).Single();
        second.Id.Should().Be(first.Id);
        second.Attempts.Should().Be(2);
        second.Lease!.Value.Token.Should().NotBe(first.Lease!.Value.Token);

        (await store.CompleteAsync(first.Lease.Value, T0 + Lease, default)).Should().BeFalse("the stale worker's result is refused");
        (await store.RescheduleAsync(first.Lease.Value, T0, "x", default)).Should().BeFalse();
        (await store.FailAsync(first.Lease.Value, "x", T0, default)).Should().BeFalse();
        (await store.ReleaseAsync(first.Lease.Value, T0, default)).Should().BeFalse();
        (await store.RenewLeaseAsync(second.Lease.Value, T0 + (2 * Lease), Lease, default)).Should().BeTrue();
        (await store.ClaimAsync("worker-c", 5, T0 + (2 * Lease), Lease, default)).Should().BeEmpty("the renewed lease runs to T0 + 3 leases");
        (await store.CompleteAsync(second.Lease.Value, T0 + (2 * Lease), default)).Should().BeTrue();
        (await store.CompleteAsync(second.Lease.Value, T0 + (2 * Lease), default)).Should().BeFalse("a lease ends with the state change");

        var completed = (await store.GetAsync(first.Id, default))!;
        completed.State.Should().Be(WebhookInboxState.Completed);
        completed.CompletedAt.Should().Be(T0 + (2 * Lease));
        completed.LeaseOwner.Should().BeNull();
    }

    [PostgresFact]
    public async Task Reschedule_release_and_fail_move_the_entry_as_the_contract_says()
    {
        var store = NewStore();
        await store.EnqueueAsync(Delivery("k"), T0, Retain, default);
        var claim = (await store.ClaimAsync("a", 1, T0, Lease, default)).Single();
        (await store.RescheduleAsync(claim.Lease!.Value, T0.AddSeconds(30), "boom", default)).Should().BeTrue();
        (await store.ClaimAsync("a", 1, T0.AddSeconds(29), Lease, default)).Should().BeEmpty("not due yet");
        var retried = (await store.ClaimAsync("a", 1, T0.AddSeconds(30), Lease, default)).Single();
        retried.Attempts.Should().Be(2);
        retried.LastError.Should().Be("boom");

        (await store.ReleaseAsync(retried.Lease!.Value, T0.AddSeconds(31), default)).Should().BeTrue();
        var released = (await store.GetAsync(retried.Id, default))!;
        released.State.Should().Be(WebhookInboxState.Pending);
        released.Attempts.Should().Be(1, "a release gives the attempt back");
        released.NextAttemptAt.Should().Be(T0.AddSeconds(31));

        var last = (await store.ClaimAsync("a", 1, T0.AddSeconds(31), Lease, default)).Single();
        (await store.FailAsync(last.Lease!.Value, "gave up", T0.AddSeconds(32), default)).Should().BeTrue();
        var failed = (await store.GetAsync(last.Id, default))!;
        failed.State.Should().Be(WebhookInboxState.Failed);
        failed.LastError.Should().Be("gave up");
        (await store.EnqueueAsync(Delivery("k"), T0.AddDays(30), Retain, default)).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown, "a failed key stays known");
    }

    [PostgresFact]
    public async Task A_completed_entry_keeps_its_key_for_the_retention_and_is_then_replaced_by_a_new_entry_with_a_higher_id()
    {
        var store = NewStore();
        await store.EnqueueAsync(Delivery("k"), T0, Retain, default);
        var claim = (await store.ClaimAsync("a", 1, T0, Lease, default)).Single();
        await store.CompleteAsync(claim.Lease!.Value, T0, default);

        (await store.EnqueueAsync(Delivery("k"), T0 + Retain - TimeSpan.FromSeconds(1), Retain, default)).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        (await store.EnqueueAsync(Delivery("k"), T0 + Retain, Retain, default)).Should().Be(WebhookInboxEnqueueResult.Inserted);
        var replaced = (await store.ListAsync(WebhookInboxState.Pending, null, 10, default)).Single();
        replaced.Id.Should().BeGreaterThan(claim.Id, "ids keep growing, so paging stays in order");
        replaced.Attempts.Should().Be(0);
        replaced.CompletedAt.Should().BeNull();
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(1, 0, 0, 0));
    }

    [PostgresFact]
    public async Task Thirty_two_copies_of_a_delivery_sent_at_once_through_two_instances_are_stored_once()
    {
        var stores = new[] { NewStore(), NewStore() };
        await Task.WhenAll(stores.Select(s => s.InitializeAsync(default).AsTask()));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copies = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await stores[i % 2].EnqueueAsync(Delivery("same"), T0, Retain, default);
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(copies);
        results.Count(r => r == WebhookInboxEnqueueResult.Inserted).Should().Be(1);
        (await stores[0].GetStatisticsAsync(default)).Pending.Should().Be(1);
    }

    [PostgresFact]
    public async Task Claimers_on_two_instances_contending_with_skip_locked_never_claim_an_entry_twice()
    {
        const int Entries = 1500;
        var stores = new[] { NewStore(), NewStore() };
        await stores[0].InitializeAsync(default);
        await PostgresServer.ExecuteAsync(
            $"INSERT INTO \"{_schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, next_attempt_at) " +
            $"SELECT 'boooply', 'k' || g, 'e', '\\x00'::bytea, '{{}}', 1, '{T0:O}', 0, '{T0:O}' FROM generate_series(1, {Entries}) g");

        var claims = new ConcurrentBag<(long Id, string Owner)>();
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var store = stores[w % 2];
            while (true)
            {
                var batch = await store.ClaimAsync($"worker-{w}", 7, T0, Lease, default);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var entry in batch)
                {
                    claims.Add((entry.Id, $"worker-{w}"));
                    (await store.CompleteAsync(entry.Lease!.Value, T0, default)).Should().BeTrue();
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        claims.Should().HaveCount(Entries);
        claims.Select(c => c.Id).Distinct().Should().HaveCount(Entries, "no entry was claimed twice");
        claims.Select(c => c.Owner).Distinct().Count().Should().BeGreaterThan(1, "the work was shared");
        (await stores[1].GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(0, 0, Entries, 0));
    }

    [PostgresFact]
    public async Task Purge_deletes_old_completed_entries_oldest_first_in_batches_and_nothing_else()
    {
        var store = NewStore();
        for (var i = 0; i < 7; i++)
        {
            await store.EnqueueAsync(Delivery("c" + i), T0, Retain, default);
        }

        var claimed = await store.ClaimAsync("a", 10, T0, Lease, default);
        for (var i = 0; i < 5; i++)
        {
            await store.CompleteAsync(claimed[i].Lease!.Value, T0.AddMinutes(i), default);
        }

        await store.EnqueueAsync(Delivery("pending"), T0, Retain, default);
        (await store.PurgeCompletedAsync(T0.AddMinutes(4), 3, default)).Should().Be(3);
        (await store.PurgeCompletedAsync(T0.AddMinutes(4), 3, default)).Should().Be(1);
        (await store.PurgeCompletedAsync(T0.AddMinutes(4), 3, default)).Should().Be(0);
        var left = await store.ListAsync(WebhookInboxState.Completed, null, 10, default);
        left.Select(e => e.Id).Should().Equal(claimed[4].Id);
        (await store.GetStatisticsAsync(default)).Should().Be(new WebhookInboxStatistics(1, 2, 1, 0));
    }

    [PostgresFact]
    public async Task Listing_pages_by_id_and_the_backlog_groups_pending_entries()
    {
        var store = NewStore();
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Delivery("p" + i, eventType: i < 3 ? "a" : "b"), T0.AddSeconds(i), Retain, default);
        }

        var first = await store.ListAsync(WebhookInboxState.Pending, null, 2, default);
        var second = await store.ListAsync(WebhookInboxState.Pending, first[^1].Id, 2, default);
        var third = await store.ListAsync(WebhookInboxState.Pending, second[^1].Id, 2, default);
        first.Concat(second).Concat(third).Select(e => e.DeliveryKey).Should().Equal("p0", "p1", "p2", "p3", "p4");
        third.Should().HaveCount(1);

        var backlog = await store.GetBacklogAsync(default);
        backlog.Should().BeEquivalentTo(new[]
        {
            new WebhookInboxBacklog(WebhookVendorNames.Boooply, "a", 3, T0.AddSeconds(-1)),
            new WebhookInboxBacklog(WebhookVendorNames.Boooply, "b", 2, T0.AddSeconds(-1)),
        });
    }

    private PostgreSqlWebhookInboxStore NewStore()
    {
        var store = PostgresServer.NewStore(_schema);
        _stores.Add(store);
        return store;
    }

    internal static WebhookInboxDelivery Delivery(string key, byte[]? body = null, Dictionary<string, string>? headers = null, string vendor = WebhookVendorNames.Boooply, string eventType = "interview.evaluation", string? parseError = null) => new()
    {
        Vendor = vendor,
        DeliveryKey = key,
        EventType = eventType,
        Body = body ?? Encoding.UTF8.GetBytes("{\"k\":\"" + key + "\"}"),
        Headers = headers ?? new Dictionary<string, string>(),
        VerificationMethod = WebhookVerificationMethod.CanonicalJavaScript,
        ReceivedAt = T0.AddSeconds(-1),
        ParseError = parseError,
    };
}
