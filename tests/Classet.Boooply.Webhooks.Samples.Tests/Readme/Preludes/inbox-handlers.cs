// <!-- snippet: inbox-handlers -->: EvaluationHandler and InterviewHandler stand for the application's own handlers of
// interview.evaluation and candidate.interview.updated. These usings are this file's only: they do not reach the block.
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

public sealed class EvaluationHandler : IWebhookHandler<BoooplyEvaluationEvent>
{
    public Task HandleAsync(BoooplyEvaluationEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class InterviewHandler : IWebhookHandler<ClassetInterviewUpdatedEvent>
{
    public Task HandleAsync(ClassetInterviewUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
