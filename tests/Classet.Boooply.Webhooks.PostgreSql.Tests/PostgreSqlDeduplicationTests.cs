using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>Shared deduplication for inline handlers: one claim wins across instances, and only its owner settles it.</summary>
public sealed class PostgreSqlDeduplicationTests : IAsyncLifetime
{
    private const string Secret = "whsec_postgres_dedup_test_3f1a";
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
    public async Task Thirty_two_copies_split_over_two_instances_run_the_handler_once()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ServiceProvider Instance() => new ServiceCollection()
            .AddLogging()
            .AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret))
            .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
            {
                Interlocked.Increment(ref runs);
                await release.Task;
            })
            .AddPostgreSqlDeduplication(PostgresServer.RequireConnectionString(), options => options.SchemaName = _schema)
            .Services.BuildServiceProvider();
        await using var first = Instance();
        await using var second = Instance();
        var receivers = new[] { first.GetRequiredService<BoooplyWebhookReceiver>(), second.GetRequiredService<BoooplyWebhookReceiver>() };

        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            "{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"Boooply-AI-5550001\",\"candidateName\":\"Jane Doe\",\"scores\":{\"overall\":72},\"timestamp\":\"" + timestamp + "\"}}");
        var headers = WebhookRequestHeaders.Create(new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["X-Boooply-Signature"] = BoooplyWebhookSigner.Sign(body, Secret),
            ["X-Boooply-Event"] = "interview.scores",
        });

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copies = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await receivers[i % 2].ReceiveAsync(headers, body);
        })).ToArray();
        start.SetResult();

        // All copies but the one running answer while its handler is held; then it finishes.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (copies.Count(c => c.IsCompleted) < 31)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        var answered = copies.Where(c => c.IsCompleted).Select(c => c.Result).ToList();
        Volatile.Read(ref runs).Should().Be(1, "only one copy won the claim");
        answered.Should().OnlyContain(r => r.StatusCode == 409 || r.StatusCode == 200, "copies of a delivery in flight are refused (409) or, once it is done, known (200)");
        release.SetResult();
        var results = await Task.WhenAll(copies);
        results.Count(r => r.StatusCode == 200 && r.Outcome != WebhookReceiveOutcome.Duplicate).Should().Be(1);
        Volatile.Read(ref runs).Should().Be(1);

        // A later retry, on either instance, is a known duplicate.
        (await receivers[1].ReceiveAsync(headers, body)).Outcome.Should().Be(WebhookReceiveOutcome.Duplicate);
        (await receivers[0].ReceiveAsync(headers, body)).Outcome.Should().Be(WebhookReceiveOutcome.Duplicate);
        Volatile.Read(ref runs).Should().Be(1);
    }

    [PostgresFact]
    public async Task Only_the_owner_settles_a_claim_an_expired_claim_is_taken_over_and_an_old_processed_key_is_forgotten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new PostgreSqlWebhookDeduplicationOptions { SchemaName = _schema, ClaimDuration = TimeSpan.FromMinutes(1), RetentionPeriod = TimeSpan.FromHours(1) };
        await using var a = PostgreSqlRegistration.CreateDeduplicationStore(PostgresServer.NewDataSource(), ownsDataSource: true, options, time);
        await using var b = PostgreSqlRegistration.CreateDeduplicationStore(PostgresServer.NewDataSource(), ownsDataSource: true, options, time);

        var claim = await a.TryClaimAsync("boooply:k", default);
        claim.Status.Should().Be(WebhookDeduplicationStatus.Claimed);
        (await b.TryClaimAsync("boooply:k", default)).Status.Should().Be(WebhookDeduplicationStatus.InProgress);
        var forged = WebhookDeduplicationClaim.Claimed("boooply:k", Guid.NewGuid());
        (await b.CompleteAsync(forged, default)).Should().BeFalse();
        (await b.ReleaseAsync(forged, default)).Should().BeFalse();

        // The owner died: once the claim expired, another instance takes the key, and the old owner can settle nothing.
        time.Advance(TimeSpan.FromMinutes(1));
        var takeover = await b.TryClaimAsync("boooply:k", default);
        takeover.Status.Should().Be(WebhookDeduplicationStatus.Claimed);
        takeover.OwnerToken.Should().NotBe(claim.OwnerToken);
        (await a.CompleteAsync(claim, default)).Should().BeFalse();
        (await a.ReleaseAsync(claim, default)).Should().BeFalse();

        (await b.ReleaseAsync(takeover, default)).Should().BeTrue("a failed run gives the key back");
        var again = await a.TryClaimAsync("boooply:k", default);
        again.Status.Should().Be(WebhookDeduplicationStatus.Claimed);
        (await a.CompleteAsync(again, default)).Should().BeTrue();
        (await a.CompleteAsync(again, default)).Should().BeFalse("a claim settles once");
        (await a.ReleaseAsync(again, default)).Should().BeFalse("a processed key stays processed");
        (await b.TryClaimAsync("boooply:k", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed);

        time.Advance(TimeSpan.FromMinutes(59));
        (await b.TryClaimAsync("boooply:k", default)).Status.Should().Be(WebhookDeduplicationStatus.AlreadyProcessed, "still within the retention");
        time.Advance(TimeSpan.FromMinutes(1));
        (await b.PurgeExpiredAsync(time.GetUtcNow().AddSeconds(1), default)).Should().Be(1, "the expired key is purged");
        (await b.TryClaimAsync("boooply:k", default)).Status.Should().Be(WebhookDeduplicationStatus.Claimed, "the retention has passed");
    }

    [PostgresFact]
    public async Task Thirty_two_simultaneous_claims_through_two_stores_have_exactly_one_winner()
    {
        var options = new PostgreSqlWebhookDeduplicationOptions { SchemaName = _schema };
        await using var a = PostgreSqlRegistration.CreateDeduplicationStore(PostgresServer.NewDataSource(), ownsDataSource: true, options, TimeProvider.System);
        await using var b = PostgreSqlRegistration.CreateDeduplicationStore(PostgresServer.NewDataSource(), ownsDataSource: true, options, TimeProvider.System);
        var stores = new[] { a, b };
        for (var round = 0; round < 5; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await stores[i % 2].TryClaimAsync("classet:round" + round, default);
            })).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(claims);
            results.Count(r => r.IsClaimed).Should().Be(1);
            results.Where(r => !r.IsClaimed).Should().OnlyContain(r => r.Status == WebhookDeduplicationStatus.InProgress);
        }
    }
}
