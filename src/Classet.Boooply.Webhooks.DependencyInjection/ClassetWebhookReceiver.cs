using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// Receives Classet deliveries on any host: applies the downgrade rule to <c>x-classet-webhook-signature</c> and the
/// legacy <c>x-classet-key</c> before reading the body, verifies the signature, parses the event, and deduplicates on
/// the SHA-256 of the signed body (Classet sends no delivery id). See <see cref="WebhookReceiver"/>.
/// </summary>
/// <remarks>
/// Registered as a singleton by <c>services.AddClassetWebhooks(...)</c>; resolve it from DI. A minimal host:
/// <code>
/// var result = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(headers), bodyBytes, cancellationToken);
/// return result.StatusCode; // 200, 400, 401, 409, 413, 500 or 503
/// </code>
/// </remarks>
public sealed class ClassetWebhookReceiver : WebhookReceiver
{
    internal ClassetWebhookReceiver(IServiceProvider services)
        : base(new WebhookPipeline<ClassetWebhookEvent, ClassetWebhookOptions, ClassetWebhookVerifier>(services, ClassetWebhookVendor.Instance))
    {
    }
}
