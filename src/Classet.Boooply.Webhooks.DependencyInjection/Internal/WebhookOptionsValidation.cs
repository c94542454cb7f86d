using Classet.Boooply.Webhooks;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Checks shared by both vendors' validators. Messages name configuration keys and never quote a value.</summary>
internal static class WebhookOptionsValidation
{
    public static readonly TimeSpan MaxHandlerTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    public static void ValidateLimits(WebhookOptions options, string path, List<string> failures)
    {
        if (options.MaxRequestBodySize <= 0)
        {
            failures.Add($"{path}:{nameof(WebhookOptions.MaxRequestBodySize)} must be a positive number of bytes.");
        }

        if (options.HandlerTimeout <= TimeSpan.Zero)
        {
            // No "infinite": a handler that never returns would hold its request, scope and body forever.
            failures.Add($"{path}:{nameof(WebhookOptions.HandlerTimeout)} must be positive (omit it for the default, {WebhookOptions.DefaultHandlerTimeout}; Boooply wants an answer within 30 seconds).");
        }
        else if (options.HandlerTimeout > MaxHandlerTimeout)
        {
            // Timers cannot be armed beyond this; failing here beats failing every delivery with a 500.
            failures.Add($"{path}:{nameof(WebhookOptions.HandlerTimeout)} must not exceed {MaxHandlerTimeout} (omit it for the default, {WebhookOptions.DefaultHandlerTimeout}).");
        }
    }

    /// <summary>Flags every empty entry of a secret list by its key, such as <c>Webhooks:Boooply:SigningSecrets:1</c>.</summary>
    public static int ValidateSecretList(IList<string>? secrets, string key, List<string> failures)
    {
        var count = 0;
        if (secrets is null)
        {
            return 0;
        }

        for (var index = 0; index < secrets.Count; index++)
        {
            if (string.IsNullOrWhiteSpace(secrets[index]))
            {
                failures.Add($"{key}:{index} is empty. An empty secret would accept forged deliveries; remove the entry or set a real secret.");
            }
            else
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Builds the verifier as the receiver will, so any rule the core enforces (now or later) also fails at startup.
    /// The core's messages name the option and never its value.
    /// </summary>
    public static void ValidateVerifierConstruction(Action construct, string path, List<string> failures)
    {
        try
        {
            construct();
        }
        catch (ArgumentException exception)
        {
            failures.Add($"{path}: {exception.Message}");
        }
    }
}
