using Classet.Boooply.Webhooks.DependencyInjection.Internal;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// The delivery pipeline of one vendor, for any host: give it the request's headers and body, and it answers with the
/// status code to send. It limits the body, authenticates the delivery (from the headers alone when it can, before the
/// body is read), verifies the signature before any parsing, parses the bytes that were signed, deduplicates, runs the
/// matching handlers in a fresh DI scope with <c>HandlerTimeout</c>, and records logs, metrics and a trace span.
/// </summary>
/// <remarks>
/// <para>
/// Resolve <see cref="ClassetWebhookReceiver"/> or <see cref="BoooplyWebhookReceiver"/> from DI (registered by
/// <c>AddClassetWebhooks</c> / <c>AddBoooplyWebhooks</c>); they are singletons and thread-safe. The ASP.NET Core
/// endpoints (<c>MapClassetWebhooks</c> / <c>MapBoooplyWebhooks</c>) are thin adapters over them; an Azure Functions
/// worker, an AWS Lambda function or a queue consumer calls <c>ReceiveAsync</c> itself.
/// </para>
/// <para>
/// <c>ReceiveAsync</c> does not throw for anything about the delivery: hostile input, a failing handler or store, and
/// an invalid configuration all come back as a <see cref="WebhookReceiveResult"/>. Send its status code; the reason is
/// logged (category <c>Classet.Boooply.Webhooks.DependencyInjection.WebhookReceiver</c>), never put in the answer.
/// </para>
/// </remarks>
public abstract class WebhookReceiver
{
    private readonly WebhookPipeline _pipeline;

    private protected WebhookReceiver(WebhookPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>Gets the vendor this receiver accepts deliveries from: <c>classet</c> or <c>boooply</c> (see <see cref="WebhookVendorNames"/>).</summary>
    public string Vendor => _pipeline.Vendor;

    /// <summary>Receives a delivery whose body is already in memory (a Lambda request, a queue message).</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">
    /// The body bytes exactly as received (never a re-serialized string). They are used in place, not copied: leave them
    /// unchanged until the returned task completes. A body over <c>MaxRequestBodySize</c> is answered 413.
    /// </param>
    /// <param name="cancellationToken">Signalled when the client goes away; the handlers see it too.</param>
    /// <returns>The answer to send.</returns>
    public ValueTask<WebhookReceiveResult> ReceiveAsync(WebhookRequestHeaders headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        _pipeline.ReceiveAsync(headers, body, null, cancellationToken);

    /// <summary>
    /// Receives a delivery whose body is a stream (an Azure Functions <c>HttpRequestData.Body</c>, say). The stream is
    /// read only after the header checks, into one pooled buffer, and never more than <c>MaxRequestBodySize</c> + 1
    /// bytes of it: a longer body is answered 413 without reading the rest.
    /// </summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The body stream, positioned at the start of the body. It is read, not disposed.</param>
    /// <param name="declaredLength">
    /// The length the sender declared (<c>Content-Length</c>), or <see langword="null"/> when unknown. Over the limit, the
    /// delivery is answered 413 without reading anything.
    /// </param>
    /// <param name="cancellationToken">Signalled when the client goes away; the handlers see it too.</param>
    /// <returns>The answer to send.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public ValueTask<WebhookReceiveResult> ReceiveAsync(WebhookRequestHeaders headers, Stream body, long? declaredLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _pipeline.ReceiveAsync(headers, default, new StreamRequestBody(body, declaredLength), cancellationToken);
    }

    /// <summary>Receives a delivery whose body a <see cref="WebhookRequestBody"/> reads (see there).</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Signalled when the client goes away; the handlers see it too.</param>
    /// <returns>The answer to send.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public ValueTask<WebhookReceiveResult> ReceiveAsync(WebhookRequestHeaders headers, WebhookRequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _pipeline.ReceiveAsync(headers, default, body, cancellationToken);
    }
}
