using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Samples.VerifyFile;

/// <summary>Prints what a typed event carries.</summary>
internal static class EventDescriptions
{
    public static void Write(ClassetWebhookEvent webhookEvent, TextWriter output)
    {
        output.WriteLine($"Event: {webhookEvent.GetType().Name} ({Display(webhookEvent.EventType)})");
    }

    public static void Write(BoooplyWebhookEvent webhookEvent, TextWriter output)
    {
        output.WriteLine($"Event: {webhookEvent.GetType().Name} ({Display(webhookEvent.EventType)})");
        output.WriteLine($"  meeting:      {webhookEvent.MeetingCode}");
        output.WriteLine($"  idempotency:  {webhookEvent.IdempotencyKey}");
        output.WriteLine($"  source:       {webhookEvent.Source ?? "-"} ({webhookEvent.SourceId ?? "-"}, {webhookEvent.SourcePlatform ?? "-"})");
        output.WriteLine($"  timestamp:    {webhookEvent.Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
    }

    private static string Display(string eventType) => eventType.Length == 0 ? "no event type" : eventType;
}
