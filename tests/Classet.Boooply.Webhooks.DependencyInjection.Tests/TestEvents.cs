using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

internal static class TestEvents
{
    public static BoooplyUnknownEvent Boooply(string meetingCode = "M-1", string eventType = "interview.future") =>
        new(eventType, JsonDocument.Parse($$$"""{"event":"{{{eventType}}}","data":{"meetingCode":"{{{meetingCode}}}"}}""").RootElement);

    public static ClassetUnknownEvent Classet(string eventType = "candidate.future") =>
        new(eventType, JsonDocument.Parse($$$"""{"event":"{{{eventType}}}","data":{}}""").RootElement);
}

internal sealed class RecordingLog
{
    public List<string> Entries { get; } = [];

    public void Add(string entry)
    {
        lock (Entries)
        {
            Entries.Add(entry);
        }
    }
}

internal sealed class ScopedDependency
{
    public Guid Id { get; } = Guid.NewGuid();
}

internal sealed class FirstBoooplyHandler(RecordingLog log, ScopedDependency dependency) : IWebhookHandler<BoooplyWebhookEvent>
{
    public Task HandleAsync(BoooplyWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        log.Add($"first:{webhookEvent.MeetingCode}:{dependency.Id}");
        return Task.CompletedTask;
    }
}

internal sealed class SecondBoooplyHandler(RecordingLog log, ScopedDependency dependency) : IWebhookHandler<BoooplyUnknownEvent>
{
    public Task HandleAsync(BoooplyUnknownEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        log.Add($"second:{webhookEvent.MeetingCode}:{dependency.Id}");
        return Task.CompletedTask;
    }
}

internal sealed class ClassetHandler(RecordingLog log) : IWebhookHandler<ClassetWebhookEvent>
{
    public Task HandleAsync(ClassetWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        log.Add("classet:" + webhookEvent.EventType);
        return Task.CompletedTask;
    }
}

internal sealed class DeadLetterSink(RecordingLog log) : IWebhookDeadLetterHandler
{
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        log.Add("dead:" + deadLetter.Vendor);
        return Task.CompletedTask;
    }
}
