using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// Receives Boooply deliveries on any host: checks <c>Authorization: Bearer</c> when <c>RequireBearerToken</c> is set
/// and the presence of <c>X-Boooply-Signature</c> before reading the body, verifies the signature, parses the event,
/// applies the replay window (<c>MaxEventAge</c>) and deduplicates on Boooply's idempotency key
/// (<c>"{meetingCode}:{event}"</c>). See <see cref="WebhookReceiver"/>.
/// </summary>
/// <remarks>
/// Registered as a singleton by <c>services.AddBoooplyWebhooks(...)</c>; resolve it from DI. A minimal host:
/// <code>
/// var result = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(headers), bodyBytes, cancellationToken);
/// return result.StatusCode; // 200, 400, 401, 409, 413, 500 or 503
/// </code>
/// </remarks>
public sealed class BoooplyWebhookReceiver : WebhookReceiver
{
    internal BoooplyWebhookReceiver(IServiceProvider services)
        : base(new WebhookPipeline<BoooplyWebhookEvent, BoooplyWebhookOptions, BoooplyWebhookVerifier>(services, BoooplyWebhookVendor.Instance))
    {
    }
}
