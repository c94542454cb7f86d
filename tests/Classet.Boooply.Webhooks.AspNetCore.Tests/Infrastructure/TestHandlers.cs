using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

internal sealed class RecordingBoooplyHandler(DeliveryRecorder recorder) : IWebhookHandler<BoooplyWebhookEvent>
{
    public Task HandleAsync(BoooplyWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        recorder.Record(nameof(RecordingBoooplyHandler), webhookEvent, context);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingClassetHandler(DeliveryRecorder recorder) : IWebhookHandler<ClassetWebhookEvent>
{
    public Task HandleAsync(ClassetWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        recorder.Record(nameof(RecordingClassetHandler), webhookEvent, context);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingDeadLetterHandler(DeliveryRecorder recorder) : IWebhookDeadLetterHandler
{
    public Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        recorder.Record(deadLetter);
        return Task.CompletedTask;
    }
}

internal static class Hosts
{
    public static Task<WebhookTestHost> BoooplyAsync(
        Action<BoooplyWebhookOptions>? options = null,
        Action<BoooplyWebhooksBuilder>? webhooks = null,
        Action<WebApplicationBuilder>? app = null,
        bool kestrel = false,
        bool recordingHandler = true) =>
        WebhookTestHost.StartAsync(
            builder =>
            {
                app?.Invoke(builder);
                var webhookBuilder = builder.Services.AddBoooplyWebhooks(o =>
                {
                    o.SigningSecrets.Add(Payloads.BoooplySecret);
                    options?.Invoke(o);
                });
                if (recordingHandler)
                {
                    webhookBuilder.AddHandler<BoooplyWebhookEvent, RecordingBoooplyHandler>();
                }

                webhooks?.Invoke(webhookBuilder);
            },
            application => application.MapBoooplyWebhooks("/webhooks/boooply"),
            kestrel);

    public static Task<WebhookTestHost> ClassetAsync(
        Action<ClassetWebhookOptions>? options = null,
        Action<ClassetWebhooksBuilder>? webhooks = null,
        bool kestrel = false,
        bool signingSecret = true) =>
        WebhookTestHost.StartAsync(
            builder =>
            {
                var webhookBuilder = builder.Services.AddClassetWebhooks(o =>
                {
                    if (signingSecret)
                    {
                        o.SigningSecrets.Add(Payloads.ClassetSecret);
                    }

                    options?.Invoke(o);
                });
                webhookBuilder.AddHandler<ClassetWebhookEvent, RecordingClassetHandler>();
                webhooks?.Invoke(webhookBuilder);
            },
            application => application.MapClassetWebhooks("/webhooks/classet"),
            kestrel);

    public static DeliveryRecorder Recorder(this WebhookTestHost host) => host.Services.GetRequiredService<DeliveryRecorder>();
}
