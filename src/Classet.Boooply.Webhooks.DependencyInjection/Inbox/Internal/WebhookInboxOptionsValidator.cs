using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>Fails startup (through ValidateOnStart) on inbox settings the dispatcher could not honour. Messages name keys.</summary>
internal sealed class WebhookInboxOptionsValidator : IValidateOptions<WebhookInboxOptions>
{
    /// <summary>Timers cannot be armed beyond this.</summary>
    public static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly string _path;

    public WebhookInboxOptionsValidator(string path)
    {
        _path = path;
    }

    public ValidateOptionsResult Validate(string? name, WebhookInboxOptions options)
    {
        var failures = new List<string>();
        CheckRange(options.MaxAttempts, 1, 1000, nameof(WebhookInboxOptions.MaxAttempts), failures);
        CheckRange(options.MaxConcurrency, 1, 1024, nameof(WebhookInboxOptions.MaxConcurrency), failures);
        CheckRange(options.PurgeBatchSize, 1, 100_000, nameof(WebhookInboxOptions.PurgeBatchSize), failures);
        for (var index = 0; index < options.RetryDelays.Count; index++)
        {
            if (options.RetryDelays[index] < TimeSpan.Zero || options.RetryDelays[index] > MaxTimer)
            {
                failures.Add($"{_path}:{nameof(WebhookInboxOptions.RetryDelays)}:{index} must be between 00:00:00 and {MaxTimer}.");
            }
        }

        if (!(options.RetryJitter >= 0 && options.RetryJitter <= 1))
        {
            failures.Add($"{_path}:{nameof(WebhookInboxOptions.RetryJitter)} must be between 0 and 1.");
        }

        CheckTime(options.LeaseDuration, TimeSpan.FromSeconds(1), nameof(WebhookInboxOptions.LeaseDuration), failures);
        CheckTime(options.PollInterval, TimeSpan.FromMilliseconds(1), nameof(WebhookInboxOptions.PollInterval), failures);
        CheckTime(options.HandlerTimeout, TimeSpan.FromMilliseconds(1), nameof(WebhookInboxOptions.HandlerTimeout), failures);
        CheckTime(options.PurgeInterval, TimeSpan.FromMilliseconds(1), nameof(WebhookInboxOptions.PurgeInterval), failures);
        CheckTime(options.HealthDegradedAfter, TimeSpan.FromMilliseconds(1), nameof(WebhookInboxOptions.HealthDegradedAfter), failures);
        CheckTime(options.ShutdownGracePeriod, TimeSpan.Zero, nameof(WebhookInboxOptions.ShutdownGracePeriod), failures);
        if (options.RetainCompletedFor < TimeSpan.Zero || options.RetainCompletedFor > TimeSpan.FromDays(3650))
        {
            failures.Add($"{_path}:{nameof(WebhookInboxOptions.RetainCompletedFor)} must be between 00:00:00 and 3650 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckRange(int value, int min, int max, string key, List<string> failures)
    {
        if (value < min || value > max)
        {
            failures.Add($"{_path}:{key} must be between {min} and {max}.");
        }
    }

    private void CheckTime(TimeSpan value, TimeSpan min, string key, List<string> failures)
    {
        if (value < min || value > MaxTimer)
        {
            failures.Add($"{_path}:{key} must be between {min} and {MaxTimer}.");
        }
    }
}
