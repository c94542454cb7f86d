using System.Globalization;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// Typed handlers for the four Boooply events. One class may handle several event types; the receiver registers it
/// once per type with <c>AddHandler&lt;TEvent, BoooplyInterviewHandler&gt;()</c>, and it is resolved per delivery.
/// </summary>
/// <param name="log">Where the demo reads what the handler saw.</param>
/// <param name="logger">The logger.</param>
public sealed class BoooplyInterviewHandler(ReceivedWebhookLog log, ILogger<BoooplyInterviewHandler> logger) :
    IWebhookHandler<BoooplyTranscriptEvent>,
    IWebhookHandler<BoooplyEvaluationEvent>,
    IWebhookHandler<BoooplyScoresEvent>,
    IWebhookHandler<BoooplyRecordingEvent>
{
    /// <inheritdoc />
    public Task HandleAsync(BoooplyTranscriptEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var data = webhookEvent.Data;
        var entries = data.Transcript ?? [];
        var last = entries.Count > 0 ? entries[^1] : null;
        return Record(webhookEvent, context, Invariant(
            $"{data.CandidateName ?? "?"} ({data.JobRole ?? "?"}): {entries.Count} transcript entries of {data.TranscriptCount?.ToString(CultureInfo.InvariantCulture) ?? "?"}, last by {last?.Speaker ?? "-"} at {last?.Start?.ToString(@"m\:ss", CultureInfo.InvariantCulture) ?? "-"}"));
    }

    /// <inheritdoc />
    public Task HandleAsync(BoooplyEvaluationEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var data = webhookEvent.Data;
        return Record(webhookEvent, context, Invariant(
            $"{data.CandidateName ?? "?"}: {Text(data.Recommendation?.Value)} ({Text(data.ConfidenceLevel?.Value)} confidence), rating {data.OverallRating}/5, overall {data.Scores?.Overall}, decision {Text(data.RecruiterSummary?.QuickDecision?.Value)}, {data.RedFlags?.Count ?? 0} red flag(s)"));
    }

    /// <inheritdoc />
    public Task HandleAsync(BoooplyScoresEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var data = webhookEvent.Data;
        var scores = data.Scores;

        // Boooply's own Node snippet reads data.technical; the payload's field is data.scores.technicalSkills.
        return Record(webhookEvent, context, Invariant(
            $"{data.CandidateName ?? "?"}: {Text(data.Recommendation?.Value)}, overall {scores?.Overall}, communication {scores?.Communication}, technical {scores?.TechnicalSkills}, culture fit {scores?.CultureFit}"));
    }

    /// <inheritdoc />
    public Task HandleAsync(BoooplyRecordingEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var data = webhookEvent.Data;

        // Store videoApiUrl: videoUrl is pre-signed and expires after 7 days.
        return Record(webhookEvent, context, Invariant(
            $"{Text(data.Format?.Value)}, {data.Duration?.ToString(@"m\:ss", CultureInfo.InvariantCulture) ?? "?"} long, stable URL {data.VideoApiUrl ?? "-"}"));
    }

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private Task Record(BoooplyWebhookEvent webhookEvent, WebhookDeliveryContext context, string summary)
    {
        ReceiverLog.EventHandled(logger, context.Vendor, webhookEvent.EventType, summary, context.DeliveryKey);
        log.Add(new ReceivedWebhook(context.Vendor, webhookEvent.EventType, ReceivedWebhookKind.Handled, summary, context.DeliveryKey, context.Attempt));
        return Task.CompletedTask;
    }
}
