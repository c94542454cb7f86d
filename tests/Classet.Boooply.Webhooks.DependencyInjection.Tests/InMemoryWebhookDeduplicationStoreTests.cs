using Classet.Boooply.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

public sealed class InMemoryWebhookDeduplicationStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryClaimAsync_NewKey_ClaimedWithAnOwnerToken()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var claim = await store.TryClaimAsync("a", default);
        claim.Status.Should().Be(WebhookDeduplicationStatus.Claimed);
        claim.IsClaimed.Should().BeTrue();
        claim.DeliveryKey.Should().Be("a");
        claim.OwnerToken.Should().NotBe(Guid.Empty);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimedNotCompleted_InProgressWithoutAToken()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryClaimAsync("a", default);
        var second = await store.TryClaimAsync("a", default);
        second.Status.Should().Be(WebhookDeduplicationStatus.InProgress);
        second.IsClaimed.Should().BeFalse();
        second.OwnerToken.Should().Be(Guid.Empty);
    }

    [Fact]
    public async Task TryClaimAsync_AfterComplete_AlreadyProcessed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var claim = await store.TryClaimAsync("a", default);
        (await store.CompleteAsync(claim, default)).Should().BeTrue();
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
    }

    [Fact]
    public async Task TryClaimAsync_AfterRelease_ClaimedAgainWithANewToken()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var first = await store.TryClaimAsync("a", default);
        (await store.ReleaseAsync(first, default)).Should().BeTrue();
        var second = await store.TryClaimAsync("a", default);
        second.IsClaimed.Should().BeTrue();
        second.OwnerToken.Should().NotBe(first.OwnerToken);
    }

    [Fact]
    public async Task ReleaseAsync_AfterComplete_KeepsProcessed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var claim = await store.TryClaimAsync("a", default);
        await store.CompleteAsync(claim, default);
        (await store.ReleaseAsync(claim, default)).Should().BeFalse();
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
    }

    [Fact]
    public async Task ReleaseAsync_StaleOwnerAfterReclaim_DoesNotReleaseTheNewOwnersClaim()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var first = await store.TryClaimAsync("a", default);
        await store.ReleaseAsync(first, default);
        var second = await store.TryClaimAsync("a", default);

        (await store.ReleaseAsync(first, default)).Should().BeFalse("the first owner gave the key up; the claim is someone else's now");
        (await store.CompleteAsync(first, default)).Should().BeFalse();

        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress, "the second owner still holds it");
        (await store.CompleteAsync(second, default)).Should().BeTrue();
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
    }

    [Fact]
    public async Task CompleteAndRelease_WithAClaimThatWasNotGranted_ChangeNothing()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var owner = await store.TryClaimAsync("a", default);
        var refused = await store.TryClaimAsync("a", default);
        var forged = WebhookDeduplicationClaim.Claimed("a", Guid.NewGuid());

        (await store.ReleaseAsync(refused, default)).Should().BeFalse();
        (await store.CompleteAsync(refused, default)).Should().BeFalse();
        (await store.ReleaseAsync(forged, default)).Should().BeFalse();
        (await store.CompleteAsync(forged, default)).Should().BeFalse();
        (await store.CompleteAsync(default, default)).Should().BeFalse();

        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress);
        (await store.ReleaseAsync(owner, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryClaimAsync_AfterRetention_ClaimedAgain()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryWebhookDeduplicationStore(new() { RetentionPeriod = TimeSpan.FromMinutes(10) }, time);
        await store.CompleteAsync(await store.TryClaimAsync("a", default), default);
        time.Advance(TimeSpan.FromMinutes(9));
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
        time.Advance(TimeSpan.FromMinutes(2));
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimInFlightForDays_StillInProgress()
    {
        // A claim's owner runs in this process; expiring its claim could only start a second run beside the first.
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryWebhookDeduplicationStore(new() { RetentionPeriod = TimeSpan.FromMinutes(1) }, time);
        var claim = await store.TryClaimAsync("a", default);

        time.Advance(TimeSpan.FromDays(3));

        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress);
        (await store.CompleteAsync(claim, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryClaimAsync_OverCapacity_EvictsTheOldestProcessedKeyAndStaysBounded()
    {
        var store = new InMemoryWebhookDeduplicationStore(new() { Capacity = 3 });
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.CompleteAsync(await store.TryClaimAsync(key, default), default);
        }

        store.Count.Should().Be(3);
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.Claimed, "the oldest processed key was evicted");
        (await store.TryClaimAsync("d", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);
        store.Count.Should().Be(3);
    }

    [Fact]
    public async Task TryClaimAsync_250000DistinctKeys_NeverEvictsAClaimStillInFlight()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var inFlight = await store.TryClaimAsync("in-flight", default);

        for (var index = 0; index < 250_000; index++)
        {
            var claim = await store.TryClaimAsync("key-" + index, default);
            await store.CompleteAsync(claim, default);
        }

        store.Count.Should().BeLessThanOrEqualTo(100_000, "the default capacity bounds memory");
        (await store.TryClaimAsync("in-flight", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress, "an uncompleted claim is never evicted");
        (await store.CompleteAsync(inFlight, default)).Should().BeTrue("its owner still holds it");
    }

    [Fact]
    public async Task TryClaimAsync_FullOfClaimsInFlight_ThrowsAndEvictsNone()
    {
        var store = new InMemoryWebhookDeduplicationStore(new() { Capacity = 2 });
        var first = await store.TryClaimAsync("a", default);
        var second = await store.TryClaimAsync("b", default);

        var act = async () => await store.TryClaimAsync("c", default);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*in flight*Capacity*");
        store.Count.Should().Be(2);
        store.InFlightCount.Should().Be(2);
        (await store.TryClaimAsync("a", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress);
        (await store.TryClaimAsync("b", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress);

        await store.CompleteAsync(first, default);
        (await store.TryClaimAsync("c", default)).IsClaimed.Should().BeTrue("a processed key can make room again");
        (await store.TryClaimAsync("b", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress, "the claim in flight survived");
        (await store.ReleaseAsync(second, default)).Should().BeTrue();
    }

    [Fact]
    public async Task TryClaimAsync_ConcurrentSameKey_ExactlyOneClaimed()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        for (var round = 0; round < 20; round++)
        {
            var key = "k" + round;
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await store.TryClaimAsync(key, default))));
            results.Count(result => result.IsClaimed).Should().Be(1);
            results.Count(result => result.Status == WebhookDeduplicationStatus.InProgress).Should().Be(15);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Constructor_NonPositiveSetting_Throws(int capacity, int retentionMinutes)
    {
        var act = () => new InMemoryWebhookDeduplicationStore(new()
        {
            Capacity = capacity,
            RetentionPeriod = TimeSpan.FromMinutes(retentionMinutes),
        });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Claimed_EmptyOwnerToken_Throws()
    {
        var act = () => WebhookDeduplicationClaim.Claimed("a", Guid.Empty);
        act.Should().Throw<ArgumentException>();
    }
}
