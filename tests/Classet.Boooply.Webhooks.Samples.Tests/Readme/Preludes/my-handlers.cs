// <!-- snippet: my-handlers -->: the package READMEs' My... classes stand for the application's own handlers; any class
// implementing the interface fits. These usings are this file's only: they do not reach the block.
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

public sealed class MyHandler : IWebhookHandler<BoooplyWebhookEvent>
{
    public Task HandleAsync(BoooplyWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MyBoooplyHandler : IWebhookHandler<BoooplyWebhookEvent>
{
    public Task HandleAsync(BoooplyWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MyClassetHandler : IWebhookHandler<ClassetWebhookEvent>
{
    public Task HandleAsync(ClassetWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MyDeadLetterStore : IWebhookDeadLetterHandler
{
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken) => Task.CompletedTask;
}
