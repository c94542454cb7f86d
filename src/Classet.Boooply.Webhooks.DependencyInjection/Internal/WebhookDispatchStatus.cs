namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>How a run of handlers ended (or stopped being waited for).</summary>
internal enum WebhookDispatchStatus
{
    /// <summary>Every handler returned successfully.</summary>
    Succeeded,

    /// <summary>A handler threw (or the scope could not be disposed).</summary>
    Failed,

    /// <summary><c>HandlerTimeout</c> passed first.</summary>
    TimedOut,

    /// <summary>The caller's token was cancelled first (the request was aborted, the host is stopping).</summary>
    Canceled,
}
