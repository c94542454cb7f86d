using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

// README quick start 2 handler begins
/// <summary>A typed handler: resolved per delivery in its own scope, so it can take scoped services (a DbContext...).</summary>
/// <param name="ats">The application's service.</param>
public sealed class EvaluationHandler(AtsClient ats) : IWebhookHandler<BoooplyEvaluationEvent>
{
    /// <inheritdoc />
    public Task HandleAsync(BoooplyEvaluationEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) =>
        ats.RecordRecommendationAsync(webhookEvent.SourceId, webhookEvent.Data.CandidateName,
            webhookEvent.Data.Recommendation?.Value ?? "none", context.DeliveryKey, cancellationToken);
}
// README quick start 2 handler ends
