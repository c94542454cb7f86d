namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>The result of <see cref="WebhookDispatcher{TEvent}"/> running the handlers of one delivery.</summary>
internal readonly struct WebhookDispatchResult
{
    public WebhookDispatchResult(WebhookDispatchStatus status, Exception? exception = null, Task<WebhookDispatchResult>? stillRunning = null)
    {
        Status = status;
        Exception = exception;
        StillRunning = stillRunning;
    }

    public static WebhookDispatchResult Succeeded => new(WebhookDispatchStatus.Succeeded);

    public WebhookDispatchStatus Status { get; }

    public bool IsSuccess => Status == WebhookDispatchStatus.Succeeded;

    /// <summary>What a handler threw, for <see cref="WebhookDispatchStatus.Failed"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>
    /// For a timeout or cancellation while a handler ignored its token and kept running: completes when the handlers
    /// have really stopped and their scope is disposed, with how they ended (succeeded or failed). A claim, lease or
    /// anything else that keeps a second run away must be held until then. Never faults.
    /// </summary>
    public Task<WebhookDispatchResult>? StillRunning { get; }
}
