namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// What a <see cref="WebhookReceiver"/> decided about one delivery. Each outcome has one status code
/// (<see cref="WebhookReceiveResult.StatusCode"/>), and its name in snake case is the <c>webhook.outcome</c> tag of the
/// metrics and traces (<see cref="WebhookTelemetry.OutcomeTag"/>).
/// </summary>
public enum WebhookReceiveOutcome
{
    /// <summary>Verified, parsed, and every matching handler succeeded (or none matched): 200.</summary>
    Handled = 0,

    /// <summary>Verified, but the event type is unknown to this version; the unknown-event handlers (if any) succeeded: 200.</summary>
    UnknownEvent = 1,

    /// <summary>A duplicate of a delivery already handled (with deduplication on) or already stored: 200, no handler ran.</summary>
    Duplicate = 2,

    /// <summary>A duplicate of a delivery whose handlers are still running (with deduplication on): 409, so the vendor retries later.</summary>
    InProgress = 3,

    /// <summary>Missing, malformed or wrong signature, failed API key or bearer check, or an event outside the replay window: 401.</summary>
    Unauthorized = 4,

    /// <summary>The body is larger than <c>MaxRequestBodySize</c>: 413, and it was not read further.</summary>
    TooLarge = 5,

    /// <summary>Verified but not parseable; the dead-letter handlers succeeded (or none is registered): 400.</summary>
    InvalidPayload = 6,

    /// <summary>A handler threw: 500, so the vendor retries.</summary>
    HandlerFailed = 7,

    /// <summary>The handlers did not finish within <c>HandlerTimeout</c>: 500, so the vendor retries.</summary>
    HandlerTimeout = 8,

    /// <summary>Verified but not parseable, and a dead-letter handler threw or timed out: 500, so the vendor sends the body again.</summary>
    DeadLetterFailed = 9,

    /// <summary>
    /// The cancellation token passed to <c>ReceiveAsync</c> was cancelled (the client went away) before an answer was
    /// decided. <see cref="WebhookReceiveResult.StatusCode"/> is 499, which nobody is left to receive: write nothing.
    /// </summary>
    Aborted = 10,

    /// <summary>The body could not be read (the stream threw, for example on malformed chunked encoding): 400.</summary>
    BadRequest = 11,

    /// <summary>The configuration became invalid after a reload: 500 (older secrets are never used instead).</summary>
    ConfigurationError = 12,

    /// <summary>A failure outside the handlers, such as a deduplication store that is down: 500, so the vendor retries.</summary>
    Error = 13,

    /// <summary>The delivery was stored durably for background processing: 200.</summary>
    Stored = 14,

    /// <summary>The delivery should have been stored for background processing, but the store failed: 503, so the vendor retries.</summary>
    StoreUnavailable = 15,
}
