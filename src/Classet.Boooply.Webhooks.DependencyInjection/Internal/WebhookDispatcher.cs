using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The dispatch step of one vendor: runs the handlers that match one parsed event (or the dead-letter handlers of one
/// unparseable body) one after another in a fresh DI scope, bounded by a timeout and the caller's token. The receiver
/// uses it inline with attempt 1; a background dispatcher in this assembly reuses it for stored deliveries.
/// </summary>
/// <remarks>
/// A handler that ignores its token cannot be stopped. When the timeout (or the caller's token) fires first, the result
/// comes back at once, so the vendor gets its answer in time, and <see cref="WebhookDispatchResult.StillRunning"/>
/// tracks the handlers until they really stop: only then is their scope disposed (a scoped <c>DbContext</c> must not be
/// disposed under a handler still using it), and only then may the caller let the delivery run again.
/// </remarks>
internal sealed class WebhookDispatcher<TEvent>
    where TEvent : class
{
    private readonly WebhookHandlerRegistry<TEvent> _registry;
    private readonly WebhookDeadLetterRegistration<TEvent>[] _deadLetterHandlers;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Reused across deliveries: arming a timeout on every delivery would otherwise allocate two sources, a timer and
    // their registrations each time. A handful covers the deliveries in flight on a small machine; more are created
    // (and dropped) on demand.
    private readonly HandlerCancellation?[] _cancellations = new HandlerCancellation?[Math.Clamp(Environment.ProcessorCount * 2, 4, 32)];

    public WebhookDispatcher(IServiceProvider services)
    {
        _registry = services.GetRequiredService<WebhookHandlerRegistry<TEvent>>();
        _deadLetterHandlers = [.. services.GetServices<WebhookDeadLetterRegistration<TEvent>>()];
        _scopeFactory = services.GetRequiredService<IServiceScopeFactory>();
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger(WebhookReceiverLog.Category) ?? NullLogger.Instance;
    }

    public int DeadLetterHandlerCount => _deadLetterHandlers.Length;

    /// <summary>How many handlers match an event (allocation-free after the first event of its type).</summary>
    public int CountHandlers(TEvent webhookEvent) => _registry.GetHandlers(webhookEvent).Length;

    /// <summary>Runs the handlers that match <paramref name="webhookEvent"/>, in registration order, in one new scope.</summary>
    /// <param name="webhookEvent">The parsed event.</param>
    /// <param name="delivery">What the handlers' <see cref="WebhookDeliveryContext"/> says about the delivery.</param>
    /// <param name="attempt">Which run of this delivery's handlers this is, from 1.</param>
    /// <param name="timeout">How long to wait for the handlers before their token is cancelled and the result returned.</param>
    /// <param name="cancellationToken">Cancels the handlers (and the wait) when signalled.</param>
    public ValueTask<WebhookDispatchResult> DispatchAsync(TEvent webhookEvent, WebhookDeliveryInfo delivery, int attempt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var handlers = _registry.GetHandlers(webhookEvent);
        if (handlers.Length == 0)
        {
            return new(WebhookDispatchResult.Succeeded);
        }

        return RunAsync(
            (Handlers: handlers, Event: webhookEvent, Delivery: delivery, Attempt: attempt),
            static async (state, services, token) =>
            {
                var delivery = state.Delivery;
                var context = new WebhookDeliveryContext(
                    delivery.Vendor, delivery.EventType, delivery.DeliveryKey, delivery.VerificationMethod, delivery.ReceivedAt, services, delivery.Headers, state.Attempt);
                foreach (var handler in state.Handlers)
                {
                    // Once the delivery was given up on, the handlers still to come must not start.
                    token.ThrowIfCancellationRequested();
                    await handler.Invoke(services, state.Event, context, token).ConfigureAwait(false);
                }
            },
            delivery.Vendor,
            delivery.EventType,
            timeout,
            cancellationToken);
    }

    /// <summary>Runs every dead-letter handler, in registration order, in one new scope.</summary>
    public ValueTask<WebhookDispatchResult> DeadLetterAsync(WebhookDeadLetter deadLetter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_deadLetterHandlers.Length == 0)
        {
            return new(WebhookDispatchResult.Succeeded);
        }

        return RunAsync(
            (Handlers: _deadLetterHandlers, DeadLetter: deadLetter),
            static async (state, services, token) =>
            {
                foreach (var handler in state.Handlers)
                {
                    token.ThrowIfCancellationRequested();
                    await handler.Invoke(services, state.DeadLetter, token).ConfigureAwait(false);
                }
            },
            deadLetter.Vendor,
            "dead letter",
            timeout,
            cancellationToken);
    }

    private async ValueTask<WebhookDispatchResult> RunAsync<TState>(
        TState state,
        Func<TState, IServiceProvider, CancellationToken, Task> body,
        string vendor,
        string eventType,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var cancellation = RentCancellation();
        cancellation.Start(timeout, cancellationToken);
        var scope = _scopeFactory.CreateAsyncScope();
        Task work;
        try
        {
            work = body(state, scope.ServiceProvider, cancellation.Token);
        }
        catch (Exception exception)
        {
            work = Task.FromException(exception);
        }

        if (!work.IsCompleted)
        {
            // How the handlers ended, or that they have not, is read from the task below.
            await work.WaitAsync(cancellation.WaiterToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!work.IsCompleted)
            {
                var reason = cancellationToken.IsCancellationRequested ? WebhookDispatchStatus.Canceled : WebhookDispatchStatus.TimedOut;
                var stillRunning = FinishAbandonedAsync(work, scope, cancellation, vendor, eventType, reason, _time.GetTimestamp());
                return new(reason, null, stillRunning);
            }
        }

        var result = Classify(work, cancellation, cancellationToken);
        ReturnCancellation(cancellation);
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (result.IsSuccess)
        {
            // A scoped service that fails to dispose (a DbContext that cannot commit, say) fails the delivery.
            return new(WebhookDispatchStatus.Failed, exception);
        }

        return result;
    }

    private async Task<WebhookDispatchResult> FinishAbandonedAsync(
        Task work,
        AsyncServiceScope scope,
        HandlerCancellation cancellation,
        string vendor,
        string eventType,
        WebhookDispatchStatus reason,
        long abandonedAt)
    {
        WebhookDispatchResult result;
        try
        {
            await work.ConfigureAwait(false);
            result = WebhookDispatchResult.Succeeded;
        }
        catch (Exception exception)
        {
            result = new(WebhookDispatchStatus.Failed, exception);
        }

        try
        {
            cancellation.Dispose();
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            result = new(WebhookDispatchStatus.Failed, exception);
        }

        try
        {
            WebhookReceiverLog.AbandonedHandlersStopped(
                _logger,
                vendor,
                eventType,
                reason == WebhookDispatchStatus.TimedOut ? "HandlerTimeout passed" : "the request was aborted",
                _time.GetElapsedTime(abandonedAt).TotalMilliseconds,
                result.IsSuccess ? "they succeeded" : "they failed",
                result.Exception);
        }
        catch (Exception)
        {
            // A failing logger must not fault the task whose continuations settle claims.
        }

        return result;
    }

    private HandlerCancellation RentCancellation()
    {
        for (var index = 0; index < _cancellations.Length; index++)
        {
            if (Interlocked.Exchange(ref _cancellations[index], null) is { } pooled)
            {
                return pooled;
            }
        }

        return new HandlerCancellation(_time);
    }

    private void ReturnCancellation(HandlerCancellation cancellation)
    {
        if (!cancellation.TryReset())
        {
            // Cancelled, so its timer is gone already. It is not disposed: this may run inside its own cancellation
            // callbacks (a handler that stops on its token completes the run synchronously), and the ones still to run
            // must find it usable.
            return;
        }

        for (var index = 0; index < _cancellations.Length; index++)
        {
            if (Interlocked.CompareExchange(ref _cancellations[index], cancellation, null) is null)
            {
                return;
            }
        }

        cancellation.Dispose();
    }

    private static WebhookDispatchResult Classify(Task work, HandlerCancellation cancellation, CancellationToken cancellationToken)
    {
        if (work.IsCompletedSuccessfully)
        {
            return WebhookDispatchResult.Succeeded;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new(WebhookDispatchStatus.Canceled);
        }

        if (cancellation.IsCancellationRequested)
        {
            return new(WebhookDispatchStatus.TimedOut);
        }

        // A handler's own OperationCanceledException, not caused by either token, is a failure like any other.
        return new(WebhookDispatchStatus.Failed, work.Exception?.InnerException ?? new TaskCanceledException(work));
    }
}
