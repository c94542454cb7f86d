using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;

// Testing package README: handler begins
public sealed class EvaluationHandler(IAtsClient ats) : IWebhookHandler<BoooplyEvaluationEvent>
{
    public Task HandleAsync(BoooplyEvaluationEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        var failed = webhookEvent.Data.Recommendation == BoooplyRecommendation.Fail
            || webhookEvent.Data.Recommendation == BoooplyRecommendation.StrongFail;
        return ats.MoveAsync(webhookEvent.Data.CandidateName ?? "unknown", failed ? "rejected" : "next-round", context.DeliveryKey, cancellationToken);
    }
}

public interface IAtsClient
{
    Task MoveAsync(string candidate, string stage, string deliveryKey, CancellationToken cancellationToken);
}
// Testing package README: handler ends

public sealed class LoggingAtsClient(ILogger<LoggingAtsClient> logger) : IAtsClient
{
    public Task MoveAsync(string candidate, string stage, string deliveryKey, CancellationToken cancellationToken)
    {
        logger.LogInformation("Moving {Candidate} to {Stage} ({DeliveryKey})", candidate, stage, deliveryKey);
        return Task.CompletedTask;
    }
}
