namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>The vendor-neutral face of <see cref="WebhookPipeline{TEvent, TOptions, TVerifier}"/>, held by <see cref="WebhookReceiver"/>.</summary>
internal abstract class WebhookPipeline
{
    public abstract string Vendor { get; }

    /// <summary>
    /// Receives one delivery. The body is <paramref name="body"/> when it is not <see langword="null"/> (read after the
    /// header checks), else <paramref name="bufferedBody"/>.
    /// </summary>
    public abstract ValueTask<WebhookReceiveResult> ReceiveAsync(
        WebhookRequestHeaders headers,
        ReadOnlyMemory<byte> bufferedBody,
        WebhookRequestBody? body,
        CancellationToken cancellationToken);
}
