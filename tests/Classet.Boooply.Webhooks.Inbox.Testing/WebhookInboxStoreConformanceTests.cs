using System.Text;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>
/// What every <see cref="IWebhookInboxStore"/> must do, tested against a real database. A store's test project derives
/// one class from this and says how to open the store on a fresh database (one per test); <see cref="ReopenAsync"/>
/// disposes the store and opens a new instance on the same database, as a restarted process would.
/// </summary>
/// <remarks>Times are passed explicitly (the contract's clock), so nothing here waits for real time to pass.</remarks>
public abstract class WebhookInboxStoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = InboxDeliveries.Start;
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan Retain = TimeSpan.FromHours(1);

    private IWebhookInboxStore? _store;

    /// <summary>Gets the store under test.</summary>
    protected IWebhookInboxStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Opens a store on this test's database (the same database every time within one test).</summary>
    protected abstract ValueTask<IWebhookInboxStore> OpenStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        await _store.InitializeAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        await DisposeStoreAsync(_store);
        _store = null;
    }

    /// <summary>Disposes the store and opens a new instance on the same database.</summary>
    protected async Task ReopenAsync()
    {
        await DisposeStoreAsync(_store);
        _store = await OpenStoreAsync();
        await _store.InitializeAsync(CancellationToken.None);
    }

    protected static async ValueTask DisposeStoreAsync(IWebhookInboxStore? store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected ValueTask<WebhookInboxEnqueueResult> EnqueueAsync(WebhookInboxDelivery delivery, DateTimeOffset? now = null) =>
        Store.EnqueueAsync(delivery, now ?? T0, Retain, CancellationToken.None);

    protected async Task<WebhookInboxEntry> ClaimOneAsync(DateTimeOffset now, string owner = "worker-a")
    {
        var claimed = await Store.ClaimAsync(owner, 1, now, Lease, CancellationToken.None);
        claimed.Should().ContainSingle("one entry is due");
        return claimed[0];
    }

    protected async Task<WebhookInboxEntry> GetAsync(long id) =>
        (await Store.GetAsync(id, CancellationToken.None)) ?? throw new InvalidOperationException($"Entry {id} is gone.");

    protected async Task<WebhookInboxEntry> SingleAsync(WebhookInboxState state)
    {
        var entries = await Store.ListAsync(state, null, 10, CancellationToken.None);
        entries.Should().ContainSingle();
        return entries[0];
    }

    [Fact]
    public async Task Enqueue_NewKey_StoresPendingEntryDueNowWithEveryField()
    {
        var headers = new Dictionary<string, string> { ["X-Boooply-Event"] = "interview.evaluation", ["X-Boooply-Meeting-Id"] = "mtg_1" };
        var delivery = InboxDeliveries.Create("mtg_1:interview.evaluation", body: "{\"é\":\"ü\"}", receivedAt: T0.AddSeconds(-1), headers: headers);

        (await EnqueueAsync(delivery)).Should().Be(WebhookInboxEnqueueResult.Inserted);

        var entry = await SingleAsync(WebhookInboxState.Pending);
        entry.Vendor.Should().Be(WebhookVendorNames.Boooply);
        entry.DeliveryKey.Should().Be("mtg_1:interview.evaluation");
        entry.EventType.Should().Be("interview.evaluation");
        InboxDeliveries.BodyOf(entry).Should().Be("{\"é\":\"ü\"}");
        entry.Headers.Should().HaveCount(2);
        entry.Headers["x-boooply-meeting-id"].Should().Be("mtg_1", "headers are compared case-insensitively");
        entry.VerificationMethod.Should().Be(WebhookVerificationMethod.RawBody);
        entry.ReceivedAt.Should().Be(T0.AddSeconds(-1));
        entry.Attempts.Should().Be(0);
        entry.NextAttemptAt.Should().Be(T0);
        entry.LeaseOwner.Should().BeNull();
        entry.Lease.Should().BeNull();
        entry.LastError.Should().BeNull();
        entry.CompletedAt.Should().BeNull();
        entry.FailedAt.Should().BeNull();
    }

    [Fact]
    public async Task Enqueue_CopiesTheBody_SoTheCallerMayReuseItsBuffer()
    {
        var buffer = Encoding.UTF8.GetBytes("{\"a\":1}");
        var task = Store.EnqueueAsync(InboxDeliveries.Create("k") with { Body = buffer }, T0, Retain, CancellationToken.None);
        buffer.AsSpan().Fill((byte)'x');
        await task;

        InboxDeliveries.BodyOf(await SingleAsync(WebhookInboxState.Pending)).Should().Be("{\"a\":1}");
    }

    [Fact]
    public async Task Enqueue_KeyPending_AlreadyKnownAndNotStoredAgain()
    {
        await EnqueueAsync(InboxDeliveries.Create("k", body: "first"));

        (await EnqueueAsync(InboxDeliveries.Create("k", body: "second"), T0.AddSeconds(1))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);

        var entry = await SingleAsync(WebhookInboxState.Pending);
        InboxDeliveries.BodyOf(entry).Should().Be("first");
        (await Store.GetStatisticsAsync(CancellationToken.None)).Total.Should().Be(1);
    }

    [Fact]
    public async Task Enqueue_SameKeyOtherVendor_IsADifferentDelivery()
    {
        await EnqueueAsync(InboxDeliveries.Create("k", vendor: WebhookVendorNames.Boooply));

        (await EnqueueAsync(InboxDeliveries.Create("k", vendor: WebhookVendorNames.Classet))).Should().Be(WebhookInboxEnqueueResult.Inserted);

        (await Store.GetStatisticsAsync(CancellationToken.None)).Pending.Should().Be(2);
    }

    [Fact]
    public async Task Enqueue_KeyProcessing_AlreadyKnown()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        await ClaimOneAsync(T0);

        (await EnqueueAsync(InboxDeliveries.Create("k"), T0.AddSeconds(1))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        (await Store.GetStatisticsAsync(CancellationToken.None)).Should().Be(new WebhookInboxStatistics(0, 1, 0, 0));
    }

    [Fact]
    public async Task Enqueue_KeyCompletedWithinRetention_AlreadyKnown()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);
        (await Store.CompleteAsync(claimed.Lease!.Value, T0.AddSeconds(1), CancellationToken.None)).Should().BeTrue();

        (await Store.EnqueueAsync(InboxDeliveries.Create("k"), T0.AddSeconds(1) + Retain - TimeSpan.FromMilliseconds(1), Retain, CancellationToken.None))
            .Should().Be(WebhookInboxEnqueueResult.AlreadyKnown, "it completed a millisecond less than RetainCompletedFor ago");
        (await Store.GetStatisticsAsync(CancellationToken.None)).Should().Be(new WebhookInboxStatistics(0, 0, 1, 0));
    }

    [Fact]
    public async Task Enqueue_KeyCompletedLongerAgoThanRetention_ReplacesItWithANewPendingEntry()
    {
        await EnqueueAsync(InboxDeliveries.Create("k", body: "old"));
        var claimed = await ClaimOneAsync(T0);
        await Store.CompleteAsync(claimed.Lease!.Value, T0.AddSeconds(1), CancellationToken.None);
        var later = T0.AddSeconds(1) + Retain + TimeSpan.FromMilliseconds(1);

        (await Store.EnqueueAsync(InboxDeliveries.Create("k", body: "new", receivedAt: later), later, Retain, CancellationToken.None))
            .Should().Be(WebhookInboxEnqueueResult.Inserted);

        var entry = await SingleAsync(WebhookInboxState.Pending);
        InboxDeliveries.BodyOf(entry).Should().Be("new");
        entry.Attempts.Should().Be(0);
        entry.NextAttemptAt.Should().Be(later);
        entry.CompletedAt.Should().BeNull();
        (await Store.GetStatisticsAsync(CancellationToken.None)).Total.Should().Be(1);
    }

    [Fact]
    public async Task Enqueue_KeyFailed_AlreadyKnown()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);
        await Store.FailAsync(claimed.Lease!.Value, "boom", T0, CancellationToken.None);

        (await EnqueueAsync(InboxDeliveries.Create("k"), T0.AddDays(30))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
    }

    [Fact]
    public async Task Enqueue_AfterReopen_KeyStillKnown()
    {
        await EnqueueAsync(InboxDeliveries.Create("pending-key"));
        await EnqueueAsync(InboxDeliveries.Create("done-key"));
        var claimed = await Store.ClaimAsync("w", 10, T0, Lease, CancellationToken.None);
        await Store.CompleteAsync(claimed.Single(entry => entry.DeliveryKey == "done-key").Lease!.Value, T0, CancellationToken.None);

        await ReopenAsync();

        (await EnqueueAsync(InboxDeliveries.Create("pending-key"))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        (await EnqueueAsync(InboxDeliveries.Create("done-key"))).Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
        (await EnqueueAsync(InboxDeliveries.Create("new-key"))).Should().Be(WebhookInboxEnqueueResult.Inserted);
    }

    [Fact]
    public async Task Enqueue_ConcurrentCopiesOfOneKey_ExactlyOneInserted()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await EnqueueAsync(InboxDeliveries.Create("same")))));

        results.Count(result => result == WebhookInboxEnqueueResult.Inserted).Should().Be(1);
        (await Store.GetStatisticsAsync(CancellationToken.None)).Total.Should().Be(1);
    }

    [Fact]
    public async Task Enqueue_DeadLetter_StoredAsFailedWithTheParseErrorAndNeverClaimed()
    {
        (await EnqueueAsync(InboxDeliveries.Create("sha256:abc", eventType: "", body: "{not json", parseError: "Invalid JSON at $")))
            .Should().Be(WebhookInboxEnqueueResult.Inserted);

        var entry = await SingleAsync(WebhookInboxState.Failed);
        entry.LastError.Should().Be("Invalid JSON at $");
        entry.FailedAt.Should().Be(T0);
        entry.NextAttemptAt.Should().BeNull();
        InboxDeliveries.BodyOf(entry).Should().Be("{not json", "nothing authentic is lost");
        (await Store.ClaimAsync("w", 10, T0.AddDays(1), Lease, CancellationToken.None)).Should().BeEmpty();
        (await EnqueueAsync(InboxDeliveries.Create("sha256:abc", eventType: "", body: "{not json", parseError: "Invalid JSON at $")))
            .Should().Be(WebhookInboxEnqueueResult.AlreadyKnown);
    }

    [Fact]
    public async Task Claim_TakesOnlyDueEntries_CountsTheAttemptAndSetsTheLease()
    {
        await EnqueueAsync(InboxDeliveries.Create("now"), T0);
        await EnqueueAsync(InboxDeliveries.Create("later"), T0.AddMinutes(5));

        var claimed = await Store.ClaimAsync("worker-a", 10, T0.AddSeconds(1), Lease, CancellationToken.None);

        claimed.Should().ContainSingle();
        var entry = claimed[0];
        entry.DeliveryKey.Should().Be("now");
        entry.State.Should().Be(WebhookInboxState.Processing);
        entry.Attempts.Should().Be(1);
        entry.LeaseOwner.Should().Be("worker-a");
        entry.LeaseExpiresAt.Should().Be(T0.AddSeconds(1) + Lease);
        entry.Lease.Should().NotBeNull();
        entry.Lease!.Value.EntryId.Should().Be(entry.Id);
        InboxDeliveries.BodyOf(entry).Should().Contain("\"now\"");
        (await Store.ClaimAsync("worker-b", 10, T0.AddSeconds(2), Lease, CancellationToken.None)).Should().BeEmpty("the lease holds and the other entry is not due");
        (await Store.ClaimAsync("worker-b", 10, T0.AddMinutes(5), Lease, CancellationToken.None)).Should().ContainSingle(e => e.DeliveryKey == "later");
    }

    [Fact]
    public async Task Claim_MaxCount_TakesAtMostThatMany_OldestDueFirst()
    {
        for (var index = 0; index < 5; index++)
        {
            await EnqueueAsync(InboxDeliveries.Create($"k{index}"), T0.AddSeconds(index));
        }

        var first = await Store.ClaimAsync("w", 2, T0.AddMinutes(1), Lease, CancellationToken.None);
        var rest = await Store.ClaimAsync("w", 10, T0.AddMinutes(1), Lease, CancellationToken.None);

        first.Select(entry => entry.DeliveryKey).Should().Equal("k0", "k1");
        rest.Select(entry => entry.DeliveryKey).Should().BeEquivalentTo("k2", "k3", "k4");
    }

    [Fact]
    public async Task Claim_ManyConcurrentClaimers_EachEntryClaimedOnce()
    {
        for (var index = 0; index < 200; index++)
        {
            await EnqueueAsync(InboxDeliveries.Create($"k{index}"));
        }

        var batches = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var mine = new List<WebhookInboxEntry>();
            while (true)
            {
                var claimed = await Store.ClaimAsync($"w{worker}", 7, T0, Lease, CancellationToken.None);
                if (claimed.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(claimed);
            }
        })));

        var all = batches.SelectMany(batch => batch).ToList();
        all.Should().HaveCount(200);
        all.Select(entry => entry.Id).Should().OnlyHaveUniqueItems();
        all.Select(entry => entry.Lease!.Value.Token).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Claim_ExpiredLease_IsTakenOverWithANewToken_AndTheOldHolderIsRefused()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var first = await ClaimOneAsync(T0, "dead-worker");
        (await Store.ClaimAsync("worker-b", 1, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, CancellationToken.None)).Should().BeEmpty();

        var second = await ClaimOneAsync(T0 + Lease, "worker-b");

        second.Id.Should().Be(first.Id);
        second.LeaseOwner.Should().Be("worker-b");
        second.Attempts.Should().Be(2, "the dead worker's attempt counts");
        second.Lease!.Value.Token.Should().NotBe(first.Lease!.Value.Token);
        (await Store.CompleteAsync(first.Lease!.Value, T0 + Lease, CancellationToken.None)).Should().BeFalse();
        (await Store.RenewLeaseAsync(first.Lease!.Value, T0 + Lease, Lease, CancellationToken.None)).Should().BeFalse();
        (await Store.RescheduleAsync(first.Lease!.Value, T0, "late", CancellationToken.None)).Should().BeFalse();
        (await Store.FailAsync(first.Lease!.Value, "late", T0, CancellationToken.None)).Should().BeFalse();
        (await Store.ReleaseAsync(first.Lease!.Value, T0, CancellationToken.None)).Should().BeFalse();
        (await GetAsync(first.Id)).LeaseOwner.Should().Be("worker-b");
        (await Store.CompleteAsync(second.Lease!.Value, T0 + Lease, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Complete_ByTheLeaseHolder_MarksCompletedOnce()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.CompleteAsync(claimed.Lease!.Value, T0.AddSeconds(3), CancellationToken.None)).Should().BeTrue();
        (await Store.CompleteAsync(claimed.Lease!.Value, T0.AddSeconds(4), CancellationToken.None)).Should().BeFalse("the lease ended with the completion");

        var entry = await GetAsync(claimed.Id);
        entry.State.Should().Be(WebhookInboxState.Completed);
        entry.CompletedAt.Should().Be(T0.AddSeconds(3));
        entry.LeaseOwner.Should().BeNull();
        entry.LeaseExpiresAt.Should().BeNull();
        (await Store.ClaimAsync("w", 10, T0.AddDays(1), Lease, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Complete_WithAForgedToken_IsRefused()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.CompleteAsync(new WebhookInboxLease(claimed.Id, Guid.NewGuid()), T0, CancellationToken.None)).Should().BeFalse();
        (await GetAsync(claimed.Id)).State.Should().Be(WebhookInboxState.Processing);
    }

    [Fact]
    public async Task Complete_LeaseExpiredButNotTakenOver_StillAccepted()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.CompleteAsync(claimed.Lease!.Value, T0 + Lease + Lease, CancellationToken.None)).Should().BeTrue("no one else holds the entry");
    }

    [Fact]
    public async Task Reschedule_PutsItBackPendingWithTheError_DueOnlyAtTheNextAttemptTime()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.RescheduleAsync(claimed.Lease!.Value, T0.AddSeconds(10), "HttpRequestException: ATS down", CancellationToken.None)).Should().BeTrue();

        var entry = await GetAsync(claimed.Id);
        entry.State.Should().Be(WebhookInboxState.Pending);
        entry.NextAttemptAt.Should().Be(T0.AddSeconds(10));
        entry.LastError.Should().Be("HttpRequestException: ATS down");
        entry.Attempts.Should().Be(1);
        entry.LeaseOwner.Should().BeNull();
        (await Store.ClaimAsync("w", 1, T0.AddSeconds(10) - TimeSpan.FromMilliseconds(1), Lease, CancellationToken.None)).Should().BeEmpty();
        (await ClaimOneAsync(T0.AddSeconds(10))).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Release_PutsItBackDueNow_WithoutCountingTheAttempt()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.ReleaseAsync(claimed.Lease!.Value, T0.AddSeconds(1), CancellationToken.None)).Should().BeTrue();

        var entry = await GetAsync(claimed.Id);
        entry.State.Should().Be(WebhookInboxState.Pending);
        entry.Attempts.Should().Be(0);
        entry.NextAttemptAt.Should().Be(T0.AddSeconds(1));
        (await ClaimOneAsync(T0.AddSeconds(1))).Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Fail_KeepsTheEntryAsFailedWithItsError()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.FailAsync(claimed.Lease!.Value, "gave up", T0.AddSeconds(2), CancellationToken.None)).Should().BeTrue();

        var entry = await GetAsync(claimed.Id);
        entry.State.Should().Be(WebhookInboxState.Failed);
        entry.LastError.Should().Be("gave up");
        entry.FailedAt.Should().Be(T0.AddSeconds(2));
        entry.Attempts.Should().Be(1);
        (await Store.ClaimAsync("w", 10, T0.AddDays(1), Lease, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task RenewLease_ExtendsTheLease_SoItIsNotTakenOverAtTheOldExpiry()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        (await Store.RenewLeaseAsync(claimed.Lease!.Value, T0.AddSeconds(20), Lease, CancellationToken.None)).Should().BeTrue();

        (await GetAsync(claimed.Id)).LeaseExpiresAt.Should().Be(T0.AddSeconds(20) + Lease);
        (await Store.ClaimAsync("w2", 1, T0 + Lease, Lease, CancellationToken.None)).Should().BeEmpty();
        (await ClaimOneAsync(T0.AddSeconds(20) + Lease, "w2")).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Replay_FailedEntry_BackToPendingDueNowWithAttemptsReset()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);
        await Store.FailAsync(claimed.Lease!.Value, "gave up", T0, CancellationToken.None);

        (await Store.ReplayAsync(claimed.Id, T0.AddHours(1), CancellationToken.None)).Should().BeTrue();

        var entry = await GetAsync(claimed.Id);
        entry.State.Should().Be(WebhookInboxState.Pending);
        entry.Attempts.Should().Be(0);
        entry.NextAttemptAt.Should().Be(T0.AddHours(1));
        entry.FailedAt.Should().BeNull();
        (await ClaimOneAsync(T0.AddHours(1))).Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Replay_DeadLetter_MakesItClaimable()
    {
        await EnqueueAsync(InboxDeliveries.Create("k", parseError: "bad"));
        var entry = await SingleAsync(WebhookInboxState.Failed);

        (await Store.ReplayAsync(entry.Id, T0, CancellationToken.None)).Should().BeTrue();

        (await ClaimOneAsync(T0)).Id.Should().Be(entry.Id);
    }

    [Fact]
    public async Task Replay_EntryNotFailedOrMissing_ReturnsFalseAndChangesNothing()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var pending = await SingleAsync(WebhookInboxState.Pending);

        (await Store.ReplayAsync(pending.Id, T0.AddDays(1), CancellationToken.None)).Should().BeFalse();
        (await Store.ReplayAsync(pending.Id + 1000, T0, CancellationToken.None)).Should().BeFalse();
        (await GetAsync(pending.Id)).NextAttemptAt.Should().Be(T0);
    }

    [Fact]
    public async Task PurgeCompleted_DeletesOnlyCompletedEntriesBeforeTheCutoff_InBatches()
    {
        for (var index = 0; index < 7; index++)
        {
            await EnqueueAsync(InboxDeliveries.Create($"done{index}"));
        }

        await EnqueueAsync(InboxDeliveries.Create("pending"), T0.AddDays(1));
        var claimed = await Store.ClaimAsync("w", 10, T0, Lease, CancellationToken.None);
        for (var index = 0; index < claimed.Count; index++)
        {
            await Store.CompleteAsync(claimed[index].Lease!.Value, T0.AddMinutes(index), CancellationToken.None);
        }

        var cutoff = T0.AddMinutes(5);
        (await Store.PurgeCompletedAsync(cutoff, 3, CancellationToken.None)).Should().Be(3);
        (await Store.PurgeCompletedAsync(cutoff, 3, CancellationToken.None)).Should().Be(2);
        (await Store.PurgeCompletedAsync(cutoff, 3, CancellationToken.None)).Should().Be(0);

        (await Store.GetStatisticsAsync(CancellationToken.None)).Should().Be(new WebhookInboxStatistics(1, 0, 2, 0));
        (await Store.ListAsync(WebhookInboxState.Completed, null, 10, CancellationToken.None))
            .Select(entry => entry.CompletedAt).Should().Equal(T0.AddMinutes(5), T0.AddMinutes(6));
    }

    [Fact]
    public async Task Statistics_CountEveryState()
    {
        for (var index = 0; index < 6; index++)
        {
            await EnqueueAsync(InboxDeliveries.Create($"k{index}"));
        }

        await EnqueueAsync(InboxDeliveries.Create("dead", parseError: "bad"));
        var claimed = await Store.ClaimAsync("w", 3, T0, Lease, CancellationToken.None);
        await Store.CompleteAsync(claimed[0].Lease!.Value, T0, CancellationToken.None);
        await Store.FailAsync(claimed[1].Lease!.Value, "x", T0, CancellationToken.None);

        var statistics = await Store.GetStatisticsAsync(CancellationToken.None);

        statistics.Should().Be(new WebhookInboxStatistics(Pending: 3, Processing: 1, Completed: 1, Failed: 2));
        statistics.Total.Should().Be(7);
    }

    [Fact]
    public async Task Backlog_GroupsPendingEntriesByVendorAndEvent_WithTheOldestReceivedTime()
    {
        await EnqueueAsync(InboxDeliveries.Create("claimed", eventType: "interview.scores", receivedAt: T0.AddMinutes(-30)), T0.AddMinutes(-1));
        (await ClaimOneAsync(T0.AddMinutes(-1))).DeliveryKey.Should().Be("claimed");
        await EnqueueAsync(InboxDeliveries.Create("a", eventType: "interview.scores", receivedAt: T0.AddMinutes(-3)));
        await EnqueueAsync(InboxDeliveries.Create("b", eventType: "interview.scores", receivedAt: T0.AddMinutes(-7)));
        await EnqueueAsync(InboxDeliveries.Create("c", vendor: WebhookVendorNames.Classet, eventType: "candidate.interview.updated", receivedAt: T0.AddMinutes(-1)));
        await EnqueueAsync(InboxDeliveries.Create("d", eventType: "interview.recording", receivedAt: T0.AddMinutes(-9)), T0.AddHours(1));
        await EnqueueAsync(InboxDeliveries.Create("dead", parseError: "bad", receivedAt: T0.AddDays(-9)));

        var backlog = await Store.GetBacklogAsync(CancellationToken.None);

        backlog.Should().BeEquivalentTo(
            new[]
            {
                new WebhookInboxBacklog(WebhookVendorNames.Boooply, "interview.recording", 1, T0.AddMinutes(-9)),
                new WebhookInboxBacklog(WebhookVendorNames.Boooply, "interview.scores", 2, T0.AddMinutes(-7)),
                new WebhookInboxBacklog(WebhookVendorNames.Classet, "candidate.interview.updated", 1, T0.AddMinutes(-1)),
            },
            "pending entries count whether due or not; claimed entries and dead letters do not");
    }

    [Fact]
    public async Task Backlog_NothingPending_IsEmpty()
    {
        (await Store.GetBacklogAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task List_ByState_PagesInIdOrderWithKeysetPaging()
    {
        for (var index = 0; index < 7; index++)
        {
            await EnqueueAsync(InboxDeliveries.Create($"k{index}"));
        }

        await EnqueueAsync(InboxDeliveries.Create("dead", parseError: "bad"));

        var first = await Store.ListAsync(WebhookInboxState.Pending, null, 3, CancellationToken.None);
        var second = await Store.ListAsync(WebhookInboxState.Pending, first[^1].Id, 3, CancellationToken.None);
        var third = await Store.ListAsync(WebhookInboxState.Pending, second[^1].Id, 3, CancellationToken.None);

        first.Concat(second).Concat(third).Select(entry => entry.DeliveryKey).Should().Equal("k0", "k1", "k2", "k3", "k4", "k5", "k6");
        third.Should().HaveCount(1);
        first.Concat(second).Concat(third).Should().OnlyContain(entry => entry.Lease == null);
        (await Store.ListAsync(WebhookInboxState.Failed, null, 10, CancellationToken.None)).Select(entry => entry.DeliveryKey).Should().Equal("dead");
        (await Store.ListAsync(WebhookInboxState.Completed, null, 10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Get_MissingEntry_ReturnsNull()
    {
        (await Store.GetAsync(123456, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Ids_AreNeverReused_AfterAPurge()
    {
        await EnqueueAsync(InboxDeliveries.Create("first"));
        var claimed = await ClaimOneAsync(T0);
        await Store.CompleteAsync(claimed.Lease!.Value, T0, CancellationToken.None);
        await Store.PurgeCompletedAsync(T0.AddSeconds(1), 10, CancellationToken.None);

        await EnqueueAsync(InboxDeliveries.Create("second"));

        (await SingleAsync(WebhookInboxState.Pending)).Id.Should().BeGreaterThan(claimed.Id);
    }

    [Fact]
    public async Task Lease_SurvivesAReopen_SoTheHolderCanStillCompleteAfterARestartOfTheStore()
    {
        await EnqueueAsync(InboxDeliveries.Create("k"));
        var claimed = await ClaimOneAsync(T0);

        await ReopenAsync();

        (await Store.ClaimAsync("w2", 1, T0.AddSeconds(1), Lease, CancellationToken.None)).Should().BeEmpty();
        (await Store.CompleteAsync(claimed.Lease!.Value, T0.AddSeconds(1), CancellationToken.None)).Should().BeTrue();
    }
}
