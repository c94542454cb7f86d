using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The receivers' log messages (the ASP.NET Core endpoints log through them). Event ids are stable (alerts may key on
/// them). No message carries a secret, a signature, a header value or body content: only sizes, event types, reasons
/// and counts.
/// </summary>
internal static partial class WebhookReceiverLog
{
    /// <summary>The category: the full name of <see cref="WebhookReceiver"/>.</summary>
    public const string Category = "Classet.Boooply.Webhooks.DependencyInjection.WebhookReceiver";

    [LoggerMessage(EventId = 1, EventName = "DeliveryHandled", Level = LogLevel.Debug,
        Message = "{Vendor} webhook {EventType} handled by {HandlerCount} handler(s) in {ElapsedMilliseconds} ms.")]
    public static partial void DeliveryHandled(ILogger logger, string vendor, string eventType, int handlerCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, EventName = "DeliveryUnauthorized", Level = LogLevel.Warning,
        Message = "{Vendor} webhook rejected with 401: {Reason}.")]
    public static partial void DeliveryUnauthorized(ILogger logger, string vendor, string reason);

    [LoggerMessage(EventId = 3, EventName = "SignatureMismatch", Level = LogLevel.Warning,
        Message = "{Vendor} webhook rejected with 401: the signature does not match the {BodyLength}-byte body (body is compact JSON: {BodyIsCompactJson}). {Hint}")]
    public static partial void SignatureMismatch(ILogger logger, string vendor, int bodyLength, string bodyIsCompactJson, string hint);

    [LoggerMessage(EventId = 4, EventName = "BodyTooLarge", Level = LogLevel.Warning,
        Message = "{Vendor} webhook rejected with 413: the body is larger than MaxRequestBodySize ({MaxRequestBodySize} bytes); it was not read further.")]
    public static partial void BodyTooLarge(ILogger logger, string vendor, long maxRequestBodySize);

    [LoggerMessage(EventId = 5, EventName = "PayloadInvalid", Level = LogLevel.Error,
        Message = "{Vendor} webhook verified but its {BodyLength}-byte payload could not be parsed; answered 400 after {DeadLetterHandlerCount} dead-letter handler(s). Path: {JsonPath}.")]
    public static partial void PayloadInvalid(ILogger logger, string vendor, int bodyLength, int deadLetterHandlerCount, string? jsonPath, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "DeadLetterHandlerMissing", Level = LogLevel.Error,
        Message = "{Vendor} webhook verified but did not parse and no dead-letter handler is registered, so its body is not kept. Register one with AddDeadLetterHandler.")]
    public static partial void DeadLetterHandlerMissing(ILogger logger, string vendor);

    [LoggerMessage(EventId = 7, EventName = "DeadLetterHandlerFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook verified but did not parse, and a dead-letter handler failed; answered 500 so the vendor retries.")]
    public static partial void DeadLetterHandlerFailed(ILogger logger, string vendor, Exception exception);

    [LoggerMessage(EventId = 8, EventName = "HandlerFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType}: a handler failed; answered 500 so the vendor retries.")]
    public static partial void HandlerFailed(ILogger logger, string vendor, string eventType, Exception exception);

    [LoggerMessage(EventId = 9, EventName = "HandlerTimedOut", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType}: handlers did not finish within HandlerTimeout ({HandlerTimeout}); answered 500 so the vendor retries.")]
    public static partial void HandlerTimedOut(ILogger logger, string vendor, string eventType, TimeSpan handlerTimeout);

    [LoggerMessage(EventId = 10, EventName = "RequestAborted", Level = LogLevel.Information,
        Message = "{Vendor} webhook: the client aborted the request before it was answered; the vendor will retry.")]
    public static partial void RequestAborted(ILogger logger, string vendor);

    [LoggerMessage(EventId = 11, EventName = "DuplicateDelivery", Level = LogLevel.Information,
        Message = "{Vendor} webhook {EventType} duplicates a delivery already handled; answered 200 without calling handlers.")]
    public static partial void DuplicateDelivery(ILogger logger, string vendor, string eventType);

    [LoggerMessage(EventId = 12, EventName = "DeliveryInProgress", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType} duplicates a delivery still being handled; answered 409 so the vendor retries later.")]
    public static partial void DeliveryInProgress(ILogger logger, string vendor, string eventType);

    [LoggerMessage(EventId = 13, EventName = "UnknownEvent", Level = LogLevel.Information,
        Message = "{Vendor} webhook event type '{EventType}' is unknown to this version; answered 200 after {HandlerCount} handler(s).")]
    public static partial void UnknownEvent(ILogger logger, string vendor, string eventType, int handlerCount);

    [LoggerMessage(EventId = 14, EventName = "ConfigurationInvalid", Level = LogLevel.Error,
        Message = "{Vendor} webhook answered 500: the current webhook configuration is invalid (after a reload?). {Failures}")]
    public static partial void ConfigurationInvalid(ILogger logger, string vendor, string failures);

    [LoggerMessage(EventId = 15, EventName = "EventOutsideReplayWindow", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType} rejected with 401: {Reason} (MaxEventAge {MaxEventAge}).")]
    public static partial void EventOutsideReplayWindow(ILogger logger, string vendor, string eventType, string reason, TimeSpan maxEventAge);

    [LoggerMessage(EventId = 16, EventName = "BodyReadFailed", Level = LogLevel.Warning,
        Message = "{Vendor} webhook: the request body could not be read; answered {StatusCode}.")]
    public static partial void BodyReadFailed(ILogger logger, string vendor, int statusCode, Exception exception);

    [LoggerMessage(EventId = 17, EventName = "DeliveryFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook could not be processed; answered 500 so the vendor retries.")]
    public static partial void DeliveryFailed(ILogger logger, string vendor, Exception exception);

    [LoggerMessage(EventId = 18, EventName = "StoreUnavailable", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType} was verified but could not be stored; answered 503 so the vendor retries.")]
    public static partial void StoreUnavailable(ILogger logger, string vendor, string eventType, Exception exception);

    [LoggerMessage(EventId = 19, EventName = "AbandonedHandlersStopped", Level = LogLevel.Warning,
        Message = "{Vendor} webhook {EventType}: handlers that were still running, their cancellation token ignored, when the delivery was answered ({Reason}) have stopped {ElapsedMilliseconds} ms later: {Result}. Until now their DI scope was kept and the delivery stayed claimed.")]
    public static partial void AbandonedHandlersStopped(ILogger logger, string vendor, string eventType, string reason, double elapsedMilliseconds, string result, Exception? exception);

    [LoggerMessage(EventId = 20, EventName = "DeduplicationUpdateFailed", Level = LogLevel.Error,
        Message = "{Vendor} webhook {EventType}: the deduplication store could not record how the abandoned handlers ended; the key stays claimed until the store lets it expire.")]
    public static partial void DeduplicationUpdateFailed(ILogger logger, string vendor, string eventType, Exception exception);
}
