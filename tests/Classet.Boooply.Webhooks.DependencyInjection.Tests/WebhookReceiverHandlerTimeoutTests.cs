using Classet.Boooply.Webhooks.Boooply;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>
/// Handlers that outlive <c>HandlerTimeout</c>. The clock is a <see cref="FakeTimeProvider"/>, so the timeout fires
/// exactly when the test advances it; the handlers wait on gates the test opens. Nothing depends on real time.
/// </summary>
public sealed class WebhookReceiverHandlerTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReceiveAsync_HandlerIgnoringItsTokenPastTheTimeout_SameBodyThreeTimesHasOneSideEffectAndRetries409UntilItFinishes()
    {
        var time = new FakeTimeProvider();
        var store = new ObservedDeduplicationStore();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var sideEffects = 0;
        using var provider = ReceiverServices.Build(services => services
            .AddSingleton<TimeProvider>(time)
            .AddBoooply(options => options.HandlerTimeout = Timeout)
            .AddDeduplication(_ => store)
            .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
            {
                Interlocked.Increment(ref started);
                entered.TrySetResult();
                await gate.Task; // ignores its token, like the audit's 6 s handler
                Interlocked.Increment(ref sideEffects);
            }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply("Boooply-AI-slow");
        ValueTask<WebhookReceiveResult> Send() => receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        var first = Send().AsTask();
        await entered.Task.WaitAsync(Patience);
        time.Advance(Timeout);
        var firstResult = await first.WaitAsync(Patience);
        var retryWhileRunning = await Send();
        var anotherRetryWhileRunning = await Send();
        var settled = store.NextSettled;
        gate.SetResult();
        await settled.WaitAsync(Patience);
        var retryAfterItFinished = await Send();

        firstResult.Outcome.Should().Be(WebhookReceiveOutcome.HandlerTimeout);
        firstResult.StatusCode.Should().Be(500, "the vendor gets its answer at the timeout");
        retryWhileRunning.StatusCode.Should().Be(409, "the abandoned handler still runs: a retry must not run beside it");
        anotherRetryWhileRunning.StatusCode.Should().Be(409);
        store.Settled.Should().Equal("completed");
        retryAfterItFinished.Outcome.Should().Be(WebhookReceiveOutcome.Duplicate, "the abandoned handler succeeded in the end");
        started.Should().Be(1);
        sideEffects.Should().Be(1);
    }

    [Fact]
    public async Task ReceiveAsync_AbandonedHandlerFailsInTheEnd_ClaimReleasedOnlyThenAndTheNextRetryRunsIt()
    {
        var time = new FakeTimeProvider();
        var store = new ObservedDeduplicationStore();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        using var provider = ReceiverServices.Build(services => services
            .AddSingleton<TimeProvider>(time)
            .AddBoooply(options => options.HandlerTimeout = Timeout)
            .AddDeduplication(_ => store)
            .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    entered.TrySetResult();
                    await gate.Task;
                    throw new InvalidOperationException("the ATS rejected the update");
                }
            }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply("Boooply-AI-flaky");
        ValueTask<WebhookReceiveResult> Send() => receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        var first = Send().AsTask();
        await entered.Task.WaitAsync(Patience);
        time.Advance(Timeout);
        (await first.WaitAsync(Patience)).StatusCode.Should().Be(500);
        (await Send()).StatusCode.Should().Be(409);
        store.Settled.Should().BeEmpty("nothing is released while the handler still runs");

        var settled = store.NextSettled;
        gate.SetResult();
        await settled.WaitAsync(Patience);
        var retry = await Send();

        store.Settled.Should().StartWith("released");
        retry.Outcome.Should().Be(WebhookReceiveOutcome.Handled, "the first run failed, so the retry runs the handlers again");
        runs.Should().Be(2);
    }

    [Fact]
    public async Task ReceiveAsync_HandlerResumingAfterTheTimeout_ItsScopedServicesAreNotDisposedUnderIt()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource<ScopedResource>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disposedWhenResumed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var provider = ReceiverServices.Build(services => services
            .AddSingleton<TimeProvider>(time)
            .AddScoped<ScopedResource>()
            .AddBoooply(options => options.HandlerTimeout = Timeout)
            .AddHandler<BoooplyWebhookEvent>(async (_, context, _) =>
            {
                var resource = context.Services.GetRequiredService<ScopedResource>();
                entered.TrySetResult(resource);
                await gate.Task;
                disposedWhenResumed.TrySetResult(resource.IsDisposed); // an EF Core DbContext would throw here if it were
            }));
        var body = Deliveries.Boooply();

        var receive = provider.GetRequiredService<BoooplyWebhookReceiver>()
            .ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body).AsTask();
        var resource = await entered.Task.WaitAsync(Patience);
        time.Advance(Timeout);
        var result = await receive.WaitAsync(Patience);

        result.Outcome.Should().Be(WebhookReceiveOutcome.HandlerTimeout);
        resource.IsDisposed.Should().BeFalse("the abandoned handler still uses its scope");
        gate.SetResult();
        (await disposedWhenResumed.Task.WaitAsync(Patience)).Should().BeFalse();
        await resource.Disposed.WaitAsync(Patience); // and the scope is disposed once the handler has stopped
    }

    [Fact]
    public async Task ReceiveAsync_DefaultOptionsAndAHandlerThatNeverReturns_AnsweredAfterTheBoundedDefaultTimeout()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        using var provider = ReceiverServices.Build(services => services
            .AddSingleton<TimeProvider>(time)
            .AddBoooply()
            .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
            {
                entered.TrySetResult();
                await never.Task;
            }));
        var body = Deliveries.Boooply();

        var receive = provider.GetRequiredService<BoooplyWebhookReceiver>()
            .ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body).AsTask();
        await entered.Task.WaitAsync(Patience);
        time.Advance(TimeSpan.FromSeconds(24));
        receive.IsCompleted.Should().BeFalse("the default leaves the handlers 25 seconds");
        time.Advance(TimeSpan.FromSeconds(1));

        (await receive.WaitAsync(Patience)).Outcome.Should().Be(WebhookReceiveOutcome.HandlerTimeout);
        new BoooplyWebhookOptions().HandlerTimeout.Should().Be(TimeSpan.FromSeconds(25)).And.Be(WebhookOptions.DefaultHandlerTimeout);
        new Classet.ClassetWebhookOptions().HandlerTimeout.Should().Be(TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task ReceiveAsync_HandlerHonouringItsToken_TimesOutAndTheClaimIsReleasedAtOnce()
    {
        var time = new FakeTimeProvider();
        var store = new ObservedDeduplicationStore();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        using var provider = ReceiverServices.Build(services => services
            .AddSingleton<TimeProvider>(time)
            .AddBoooply(options => options.HandlerTimeout = Timeout)
            .AddDeduplication(_ => store)
            .AddHandler<BoooplyWebhookEvent>(async (_, _, cancellationToken) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    entered.TrySetResult();
                    await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                }
            }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply();

        var first = receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body).AsTask();
        await entered.Task.WaitAsync(Patience);
        time.Advance(Timeout);

        (await first.WaitAsync(Patience)).Outcome.Should().Be(WebhookReceiveOutcome.HandlerTimeout);
        store.Settled.Should().Equal("released");
        (await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body)).Outcome.Should().Be(WebhookReceiveOutcome.Handled);
    }

    [Fact]
    public async Task ReceiveAsync_SecondHandlerAfterTheTimeout_IsNotStarted()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondRan = false;
        var logs = new CapturingLoggerProvider();
        using var provider = ReceiverServices.Build(
            services => services
                .AddSingleton<TimeProvider>(time)
                .AddBoooply(options => options.HandlerTimeout = Timeout)
                .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
                {
                    entered.TrySetResult();
                    await gate.Task;
                })
                .AddHandler<BoooplyScoresEvent>((_, _, _) =>
                {
                    secondRan = true;
                    return Task.CompletedTask;
                }),
            logs);
        var body = Deliveries.Boooply();

        var receive = provider.GetRequiredService<BoooplyWebhookReceiver>()
            .ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body).AsTask();
        await entered.Task.WaitAsync(Patience);
        time.Advance(Timeout);
        (await receive.WaitAsync(Patience)).StatusCode.Should().Be(500);
        gate.SetResult();
        await WaitForAsync(() => logs.Records.Any(record => record.EventId.Id == 19));

        secondRan.Should().BeFalse("the delivery was given up on; the next retry runs the handlers from the start");
        logs.Records.Should().ContainSingle(record => record.EventId.Id == 19).Which.Message.Should().Contain("they failed");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
