namespace Classet.Boooply.Webhooks;

/// <summary>
/// Receives deliveries that were authentic (their signature verified) but could not be parsed, so that nothing the
/// vendor really sent is lost: store the body, alert, and replay it once the parser or the payload is fixed.
/// </summary>
/// <remarks>
/// Hosts call dead-letter handlers inside a per-delivery service scope, in registration order. If one throws, the
/// delivery is answered with a status that makes the vendor retry, because the event would otherwise be lost.
/// </remarks>
public interface IWebhookDeadLetterHandler
{
    /// <summary>Handles one delivery that verified but did not parse.</summary>
    /// <param name="deadLetter">The delivery: an owned copy of the body, the parse error and the delivery facts.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted or the configured handler timeout passes.</param>
    /// <returns>A task that completes when the delivery has been stored or otherwise dealt with.</returns>
    Task HandleAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken);
}
