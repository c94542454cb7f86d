using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// Runs one vendor's handlers for stored entries through the same dispatch step the receiver uses inline
/// (<see cref="WebhookDispatcher{TEvent}"/>): a fresh scope per attempt, <see cref="WebhookDeliveryContext.Attempt"/> set,
/// and the stored vendor headers on the context. Registered by <c>UseInbox()</c>.
/// </summary>
internal sealed class WebhookInboxProcessor<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier> : IWebhookInboxProcessor
    where TEvent : class
    where TOptions : WebhookOptions
    where TVerifier : class
{
    private readonly WebhookVendor<TEvent, TOptions, TVerifier> _vendor;
    private readonly WebhookDispatcher<TEvent> _dispatcher;

    public WebhookInboxProcessor(IServiceProvider services, WebhookVendor<TEvent, TOptions, TVerifier> vendor)
    {
        _vendor = vendor;
        _dispatcher = services.GetRequiredService<WebhookDispatcher<TEvent>>();
    }

    public string Vendor => _vendor.Name;

    public async Task<WebhookInboxProcessResult> ProcessAsync(WebhookInboxEntry entry, int attempt, CancellationToken cancellationToken)
    {
        if (!_vendor.TryParse(entry.Body.Span, out var webhookEvent, out var error))
        {
            // A dead letter: no retry can make these bytes parse (a newer SDK version can, after a replay).
            return WebhookInboxProcessResult.PermanentFailure(error.Message);
        }

        var delivery = new WebhookDeliveryInfo(
            entry.Vendor, _vendor.GetEventType(webhookEvent), entry.DeliveryKey, entry.VerificationMethod, entry.ReceivedAt, entry.Headers);

        // The inbox's token carries HandlerTimeout, the shutdown and a lost lease, so the dispatch step needs no timer.
        var run = await _dispatcher.DispatchAsync(webhookEvent, delivery, attempt, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await ThrowUnlessSucceededAsync(run).ConfigureAwait(false);
        return WebhookInboxProcessResult.Completed;
    }

    public async Task OnFailedAsync(WebhookInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        if (_dispatcher.DeadLetterHandlerCount == 0)
        {
            return;
        }

        // The handlers get bytes they may keep, like the receiver's dead letters.
        var body = entry.Body.ToArray();
        var deadLetter = _vendor.TryParse(body, out _, out var parseError)
            ? new WebhookDeadLetter(entry.Vendor, body, error, Math.Max(entry.Attempts, 1), entry.VerificationMethod, entry.ReceivedAt)
            : new WebhookDeadLetter(entry.Vendor, body, parseError, entry.VerificationMethod, entry.ReceivedAt);
        var run = await _dispatcher.DeadLetterAsync(deadLetter, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await ThrowUnlessSucceededAsync(run).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns once the handlers have really stopped (holding the caller's lease until then: one that ignored its token is
    /// waited for, never run again beside itself), and throws unless they all succeeded in time.
    /// </summary>
    private static async Task ThrowUnlessSucceededAsync(WebhookDispatchResult run)
    {
        if (run.StillRunning is { } stillRunning)
        {
            _ = await stillRunning.ConfigureAwait(false);
        }

        switch (run.Status)
        {
            case WebhookDispatchStatus.Succeeded:
                return;
            case WebhookDispatchStatus.Failed:
                ExceptionDispatchInfo.Throw(run.Exception!);
                return;
            default:
                throw new OperationCanceledException("The handlers were cancelled (HandlerTimeout, shutdown, or a lost lease) before they finished.");
        }
    }
}
