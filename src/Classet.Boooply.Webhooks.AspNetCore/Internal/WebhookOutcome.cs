namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>The outcome tag values; constants so tagging allocates nothing.</summary>
internal static class WebhookOutcome
{
    public const string Handled = "handled";
    public const string UnknownEvent = "unknown_event";
    public const string Duplicate = "duplicate";
    public const string InProgress = "in_progress";
    public const string Unauthorized = "unauthorized";
    public const string VerificationThrottled = "verification_throttled";
    public const string TooLarge = "too_large";
    public const string InvalidPayload = "invalid_payload";
    public const string HandlerFailed = "handler_failed";
    public const string HandlerTimeout = "handler_timeout";
    public const string DeadLetterFailed = "dead_letter_failed";
    public const string Aborted = "aborted";
    public const string BadRequest = "bad_request";
    public const string ConfigurationError = "configuration_error";
    public const string Error = "error";
}
