using System.Globalization;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// Typed handlers for the Classet events: <c>candidate.interview.updated</c> and the deprecated <c>call_completed</c>.
/// </summary>
/// <param name="log">Where the demo reads what the handler saw.</param>
/// <param name="logger">The logger.</param>
#pragma warning disable CS0618 // call_completed is deprecated by Classet; this sample still handles it while integrations migrate.
public sealed class ClassetInterviewHandler(ReceivedWebhookLog log, ILogger<ClassetInterviewHandler> logger) :
    IWebhookHandler<ClassetInterviewUpdatedEvent>,
    IWebhookHandler<ClassetCallCompletedEvent>
#pragma warning restore CS0618
{
    /// <inheritdoc />
    public Task HandleAsync(ClassetInterviewUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var data = webhookEvent.Data;

        // "changes" says what moved; "data" is the interview as it is now.
        var outcome = webhookEvent.GetOutcomeChange() is { } change
            ? $"outcome {Text(change.From?.Value)} -> {Text(change.To?.Value)}"
            : $"outcome {Text(data.InterviewOutcome?.Value)}";
        var completed = data.InterviewCompletedAt?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "not yet";
        var lifts = data.TryGetCustomBoolean("can_lift_50lbs", out var canLift) ? (canLift ? ", can lift 50 lbs" : ", cannot lift 50 lbs") : string.Empty;
        return Record(webhookEvent.EventType, context, string.Create(
            CultureInfo.InvariantCulture,
            $"candidate {data.CandidateId}: {outcome}, completed {completed}, {webhookEvent.Changes.Count} field(s) changed{lifts}"));
    }

    /// <inheritdoc />
#pragma warning disable CS0618 // see the class: handled until Classet stops sending call_completed.
    public Task HandleAsync(ClassetCallCompletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
#pragma warning restore CS0618
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var details = webhookEvent.CallDetails;
        var analysis = details?.CallAnalysis;
        return Record(webhookEvent.EventType, context, string.Create(
            CultureInfo.InvariantCulture,
            $"candidate {webhookEvent.CandidateId ?? "?"} for {webhookEvent.JobTitle ?? "?"}: {Text(webhookEvent.CallStatus?.Value)}, {details?.Duration?.TotalSeconds ?? 0:0} s call, sentiment {Text(analysis?.UserSentiment?.Value)}, {webhookEvent.Questions?.Count ?? 0} question(s) answered"));
    }

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "none" : value;

    private Task Record(string eventType, WebhookDeliveryContext context, string summary)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReceiverLog.EventHandled(logger, context.Vendor, eventType, summary, context.DeliveryKey);
        log.Add(new ReceivedWebhook(context.Vendor, eventType, ReceivedWebhookKind.Handled, summary, context.DeliveryKey, context.Attempt));
        return Task.CompletedTask;
    }
}
