using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// The inbox dispatcher's log messages. Event ids are stable (alerts may key on them). No message carries a body, a header
/// value or a secret: only ids, vendors, event types, attempts and errors.
/// </summary>
internal static partial class WebhookInboxLog
{
    public const string Category = "Classet.Boooply.Webhooks.Inbox";

    [LoggerMessage(EventId = 101, EventName = "InboxStoreUnavailable", Level = LogLevel.Warning,
        Message = "The webhook inbox store could not {Operation}; the dispatcher tries again in {RetryIn}.")]
    public static partial void StoreUnavailable(ILogger logger, string operation, TimeSpan retryIn, Exception exception);

    [LoggerMessage(EventId = 102, EventName = "InboxEntryCompleted", Level = LogLevel.Debug,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}) handled on attempt {Attempt}.")]
    public static partial void EntryCompleted(ILogger logger, string vendor, string eventType, long entryId, int attempt);

    [LoggerMessage(EventId = 103, EventName = "InboxAttemptFailed", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}): attempt {Attempt} of {MaxAttempts} failed; next attempt at {NextAttemptAt:O}. {Error}")]
    public static partial void AttemptFailed(ILogger logger, string vendor, string eventType, long entryId, int attempt, int maxAttempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 104, EventName = "InboxEntryFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}) given up on after {Attempts} attempt(s) and kept as Failed; replay it with IWebhookInbox.ReplayAsync. {Error}")]
    public static partial void EntryFailed(ILogger logger, string vendor, string eventType, long entryId, int attempts, string error);

    [LoggerMessage(EventId = 105, EventName = "InboxLeaseLost", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}): the lease was lost (taken over after LeaseDuration); this worker's result is discarded and its handlers were asked to stop.")]
    public static partial void LeaseLost(ILogger logger, string vendor, string eventType, long entryId);

    [LoggerMessage(EventId = 106, EventName = "InboxHandlerOverran", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}): the handlers passed HandlerTimeout ({HandlerTimeout}) and were asked to stop; the entry keeps its lease until they really have, then it is rescheduled.")]
    public static partial void HandlerOverran(ILogger logger, string vendor, string eventType, long entryId, TimeSpan handlerTimeout);

    [LoggerMessage(EventId = 107, EventName = "InboxDeadLetterCallbackFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}): the dead-letter handlers failed; the entry is kept as Failed all the same.")]
    public static partial void DeadLetterCallbackFailed(ILogger logger, string vendor, string eventType, long entryId, Exception exception);

    [LoggerMessage(EventId = 108, EventName = "InboxNoProcessor", Level = LogLevel.Error,
        Message = "Inbox entry {EntryId} is from vendor '{Vendor}', which no UseInbox() registration in this app handles; the attempt counts as failed.")]
    public static partial void NoProcessor(ILogger logger, long entryId, string vendor);

    [LoggerMessage(EventId = 109, EventName = "InboxShutdownLeftEntries", Level = LogLevel.Warning,
        Message = "The webhook inbox dispatcher stopped with {Count} entr(y/ies) whose handlers did not finish within ShutdownGracePeriod ({GracePeriod}); they become claimable again when their lease expires.")]
    public static partial void ShutdownLeftEntries(ILogger logger, int count, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 110, EventName = "InboxPurged", Level = LogLevel.Debug,
        Message = "Purged {Count} completed webhook inbox entr(y/ies) older than RetainCompletedFor.")]
    public static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 111, EventName = "InboxStoreWriteFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType} (inbox entry {EntryId}): the store could not record the attempt's outcome ({Outcome}); the entry will run again once its lease expires.")]
    public static partial void StoreWriteFailed(ILogger logger, string vendor, string eventType, long entryId, string outcome, Exception exception);

    [LoggerMessage(EventId = 112, EventName = "InboxDispatcherStarted", Level = LogLevel.Information,
        Message = "The webhook inbox dispatcher started as {Owner} for vendor(s) {Vendors} (MaxConcurrency {MaxConcurrency}).")]
    public static partial void DispatcherStarted(ILogger logger, string owner, string vendors, int maxConcurrency);
}
