namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The event type as logs, traces, metrics, results and the inbox's listing show it. For an event this SDK does not
/// know, the type is whatever the signed body says: any text of any length. Shown as is, it would put body text in logs
/// and give a metric one series per value, so only a short identifier-like value is kept.
/// </summary>
internal static class WebhookEventTypeLabel
{
    /// <summary>What replaces an event type that is not a short identifier.</summary>
    public const string Unrecognized = "(unrecognized)";

    private const int MaxLength = 64;

    /// <summary>Returns <paramref name="eventType"/> when it is at most 64 of <c>A-Z a-z 0-9 . _ : -</c>, else <see cref="Unrecognized"/>.</summary>
    public static string For(string eventType)
    {
        if (eventType.Length > MaxLength)
        {
            return Unrecognized;
        }

        foreach (var c in eventType)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                return Unrecognized;
            }
        }

        return eventType;
    }
}
