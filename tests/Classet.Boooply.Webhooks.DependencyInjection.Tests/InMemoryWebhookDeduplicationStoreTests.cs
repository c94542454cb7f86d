using Classet.Boooply.Webhooks;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

public sealed class InMemoryWebhookDeduplicationStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryClaimAsync_NewKey_Claimed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimedNotCompleted_InProgress()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryClaimAsync("a", default);
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.InProgress);
    }

    [Fact]
    public async Task TryClaimAsync_AfterComplete_AlreadyProcessed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryClaimAsync("a", default);
        await store.CompleteAsync("a", default);
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
    }

    [Fact]
    public async Task TryClaimAsync_AfterRelease_ClaimedAgain()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryClaimAsync("a", default);
        await store.ReleaseAsync("a", default);
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.Claimed);
    }

    [Fact]
    public async Task ReleaseAsync_AfterComplete_KeepsProcessed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryClaimAsync("a", default);
        await store.CompleteAsync("a", default);
        await store.ReleaseAsync("a", default);
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
    }

    [Fact]
    public async Task TryClaimAsync_AfterRetention_ClaimedAgain()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryWebhookDeduplicationStore(new() { RetentionPeriod = TimeSpan.FromMinutes(10) }, time);
        await store.TryClaimAsync("a", default);
        await store.CompleteAsync("a", default);
        time.Advance(TimeSpan.FromMinutes(9));
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
        time.Advance(TimeSpan.FromMinutes(2));
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_AbandonedClaimAfterClaimTimeout_ClaimedAgain()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryWebhookDeduplicationStore(new() { ClaimTimeout = TimeSpan.FromMinutes(1) }, time);
        await store.TryClaimAsync("a", default);
        time.Advance(TimeSpan.FromSeconds(30));
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.InProgress);
        time.Advance(TimeSpan.FromSeconds(31));
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_OverCapacity_EvictsOldestAndStaysBounded()
    {
        var store = new InMemoryWebhookDeduplicationStore(new() { Capacity = 3 });
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.TryClaimAsync(key, default);
            await store.CompleteAsync(key, default);
        }

        store.Count.Should().Be(3);
        (await store.TryClaimAsync("a", default)).Should().Be(WebhookDeduplicationStatus.Claimed, "the oldest key was evicted");
        (await store.TryClaimAsync("d", default)).Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
        store.Count.Should().Be(3);
    }

    [Fact]
    public async Task TryClaimAsync_ConcurrentSameKey_ExactlyOneClaimed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        for (var round = 0; round < 20; round++)
        {
            var key = "k" + round;
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await store.TryClaimAsync(key, default))));
            results.Count(result => result == WebhookDeduplicationStatus.Claimed).Should().Be(1);
            results.Count(result => result == WebhookDeduplicationStatus.InProgress).Should().Be(15);
        }
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Constructor_NonPositiveSetting_Throws(int capacity, int retentionMinutes, int claimMinutes)
    {
        var act = () => new InMemoryWebhookDeduplicationStore(new()
        {
            Capacity = capacity,
            RetentionPeriod = TimeSpan.FromMinutes(retentionMinutes),
            ClaimTimeout = TimeSpan.FromMinutes(claimMinutes),
        });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
