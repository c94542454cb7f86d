using System.Collections.Concurrent;
using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Inbox;

/// <summary>
/// The endpoints with <c>UseInbox()</c> on a real SQLite file, over real Kestrel on 127.0.0.1: stored first, answered
/// after the commit, handled in the background with attempts, retries and dead letters.
/// </summary>
public sealed class InboxEndpointTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inbox-endpoint-");

    private string DatabasePath => Path.Combine(_directory.FullName, "inbox.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Delivery_IsAnsweredOnceStored_BeforeItsHandlerFinishes_ThenHandledWithAttemptOneAndTheVendorHeaders()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<WebhookDeliveryContext>();
        await using var host = await StartBoooplyAsync(webhooks => webhooks.AddHandler<BoooplyTranscriptEvent>(async (_, context, _) =>
        {
            seen.Enqueue(context);
            await release.Task;
        }));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("meeting-stored-first")));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the delivery committed; the handler still waits");
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();
        var statistics = await inbox.GetStatisticsAsync();
        (statistics.Pending + statistics.Processing).Should().Be(1);
        release.SetResult();
        await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Completed == 1, "the entry completed");
        var context = seen.Should().ContainSingle().Subject;
        context.Attempt.Should().Be(1);
        context.DeliveryKey.Should().Be("meeting-stored-first:interview.transcript");
        context.Headers.Should().Contain(BoooplyWebhookHeaders.Event, "interview.transcript").And.Contain(BoooplyWebhookHeaders.Platform, "custom");
        context.Headers.Keys.Should().NotContain(BoooplyWebhookHeaders.Authorization);
    }

    [Fact]
    public async Task HandlerFailingTwice_TheVendorGetsOne200_AndTheInboxRetriesUntilAttemptThreeSucceeds()
    {
        var attempts = new ConcurrentQueue<int>();
        await using var host = await StartBoooplyAsync(webhooks => webhooks.AddHandler<BoooplyTranscriptEvent>((_, context, _) =>
        {
            attempts.Enqueue(context.Attempt);
            return context.Attempt < 3 ? throw new HttpRequestException("the ATS answered 503") : Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("meeting-flaky")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();
        await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Completed == 1, "the third attempt completed it");
        attempts.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task HandlerFailingEveryAttempt_EndsFailedAndKept_AndTheDeadLetterHandlersGetAttemptsAndReason()
    {
        await using var host = await StartBoooplyAsync(webhooks => webhooks
            .AddHandler<BoooplyTranscriptEvent>((_, _, _) => throw new InvalidOperationException("the ATS rejects this candidate"))
            .AddDeadLetterHandler<RecordingDeadLetterHandler>());

        var body = Payloads.Boooply("meeting-hopeless");
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();
        await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Failed == 1, "given up on after MaxAttempts");
        await WaitUntilAsync(() => Task.FromResult(host.Recorder().DeadLetters.Count == 1), "the dead-letter handler ran");
        var deadLetter = host.Recorder().DeadLetters.Single();
        deadLetter.Error.Should().BeNull("the body parsed; the handlers failed");
        deadLetter.Attempts.Should().Be(3);
        deadLetter.Reason.Should().Contain("the ATS rejects this candidate");
        deadLetter.Body.ToArray().Should().Equal(System.Text.Encoding.UTF8.GetBytes(body));
        var failed = (await inbox.ListAsync(WebhookInboxState.Failed)).Should().ContainSingle().Subject;
        failed.Attempts.Should().Be(3);
        failed.LastError.Should().Contain("the ATS rejects this candidate");
    }

    [Fact]
    public async Task SignedBodyThatDoesNotParse_IsAnswered400_StoredFailedWithItsParseError_AndDeadLetteredOnce()
    {
        await using var host = await StartBoooplyAsync(webhooks => webhooks.AddDeadLetterHandler<RecordingDeadLetterHandler>());
        const string Broken = """{"event":"interview.transcript","data":{"meetingCode":"m-1",}}""";

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(Broken));
        using var retry = await host.Client.SendAsync(Payloads.BoooplyRequest(Broken));

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        retry.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();
        await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Failed == 1, "the dead letter ended Failed");
        var entry = (await inbox.ListAsync(WebhookInboxState.Failed)).Should().ContainSingle("a copy is stored once").Subject;
        entry.LastError.Should().NotBeNullOrEmpty();
        entry.Body.ToArray().Should().Equal(System.Text.Encoding.UTF8.GetBytes(Broken));
        await WaitUntilAsync(() => Task.FromResult(host.Recorder().DeadLetters.Count >= 1), "the dead-letter handler ran");
        var deadLetter = host.Recorder().DeadLetters.Should().ContainSingle().Subject;
        deadLetter.Error.Should().NotBeNull();
        deadLetter.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task Duplicate_OfAHandledDelivery_IsAnswered200WithoutRunningItsHandlersAgain_EvenAfterARestart()
    {
        var runs = 0;
        Action<BoooplyWebhooksBuilder> handler = webhooks => webhooks.AddHandler<BoooplyTranscriptEvent>((_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var body = Payloads.Boooply("meeting-once");
        await using (var host = await StartBoooplyAsync(handler))
        {
            (await host.Client.SendAsync(Payloads.BoooplyRequest(body))).StatusCode.Should().Be(HttpStatusCode.OK);
            var inbox = host.Services.GetRequiredService<IWebhookInbox>();
            await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Completed == 1, "handled");
            (await host.Client.SendAsync(Payloads.BoooplyRequest(body))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var restarted = await StartBoooplyAsync(handler);
        (await restarted.Client.SendAsync(Payloads.BoooplyRequest(body))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(200);
        (await restarted.Services.GetRequiredService<IWebhookInbox>().GetStatisticsAsync()).Should().Be(new WebhookInboxStatistics(0, 0, 1, 0));
        runs.Should().Be(1);
    }

    [Fact]
    public async Task StoreThatCannotCommit_IsAnswered503_AndNothingIsHandled()
    {
        var runs = 0;
        await using var host = await StartBoooplyAsync(webhooks => webhooks.AddHandler<BoooplyTranscriptEvent>((_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }));

        // Another connection holds the write lock past the store's BusyTimeout (1 s here), as a stuck writer would.
        using (var blocker = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            blocker.Open();
            using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();

            using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("meeting-store-down")));

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "nothing is acknowledged that was not stored");
        }

        (await host.Services.GetRequiredService<IWebhookInbox>().GetStatisticsAsync()).Total.Should().Be(0);
        using var retry = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("meeting-store-down")));
        retry.StatusCode.Should().Be(HttpStatusCode.OK, "the vendor's retry succeeds once the lock is gone");
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref runs) == 1), "the retry was handled");
    }

    [Fact]
    public async Task ManyConcurrentDeliveriesAndDuplicates_EachIsHandledExactlyOnce_AndEveryCopyIsAnswered200()
    {
        const int Deliveries = 2000;
        const int Duplicates = 500;
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var host = await StartClassetAsync(webhooks => webhooks.AddHandler<ClassetInterviewUpdatedEvent>((_, context, _) =>
        {
            handled.AddOrUpdate(context.DeliveryKey, 1, static (_, count) => count + 1);
            return Task.CompletedTask;
        }));
        var bodies = Enumerable.Range(0, Deliveries).Select(i => Payloads.Classet("outcome-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var sends = bodies.Concat(bodies.Take(Duplicates)).ToArray();
        Random.Shared.Shuffle(sends);
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (body, token) =>
        {
            using var response = await host.Client.SendAsync(Payloads.ClassetRequest(body), token);
            statuses.Add(response.StatusCode);
        });

        statuses.Should().HaveCount(Deliveries + Duplicates).And.OnlyContain(status => status == HttpStatusCode.OK);
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();
        await WaitUntilAsync(async () => (await inbox.GetStatisticsAsync()).Completed == Deliveries, "every delivery completed");
        handled.Should().HaveCount(Deliveries);
        handled.Values.Should().OnlyContain(count => count == 1);
        (await inbox.GetStatisticsAsync()).Total.Should().Be(Deliveries, "a duplicate is never stored twice");
    }

    [Fact]
    public async Task UseInbox_WithoutAddWebhookInbox_FailsAtMappingWithAMessageThatSaysWhatToAdd()
    {
        var act = async () =>
        {
            await using var host = await WebhookTestHost.StartAsync(builder => builder.Services
                .AddBoooplyWebhooks(o => o.SigningSecrets.Add(Payloads.BoooplySecret))
                .UseInbox(),
                application => application.MapBoooplyWebhooks("/webhooks/boooply"));
            using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        };

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("AddWebhookInbox()").And.Contain("UseSqlite");
    }

    private Task<WebhookTestHost> StartBoooplyAsync(Action<BoooplyWebhooksBuilder> webhooks) =>
        Hosts.BoooplyAsync(
            webhooks: builder => webhooks(builder.UseInbox()),
            app: AddInbox,
            kestrel: true,
            recordingHandler: false);

    private Task<WebhookTestHost> StartClassetAsync(Action<ClassetWebhooksBuilder> webhooks) =>
        WebhookTestHost.StartAsync(
            builder =>
            {
                AddInbox(builder);
                webhooks(builder.Services.AddClassetWebhooks(o => o.SigningSecrets.Add(Payloads.ClassetSecret)).UseInbox());
            },
            application => application.MapClassetWebhooks("/webhooks/classet"),
            kestrel: true);

    private void AddInbox(WebApplicationBuilder builder) =>
        builder.Services
            .AddWebhookInbox(options =>
            {
                options.MaxAttempts = 3;
                options.RetryDelays.Add(TimeSpan.FromMilliseconds(50));
                options.RetryJitter = 0;
            })
            .UseSqlite($"Data Source={DatabasePath}", sqlite => sqlite.BusyTimeout = TimeSpan.FromSeconds(1));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Patience} for: {what}.");
            }

            await Task.Delay(20);
        }
    }
}
