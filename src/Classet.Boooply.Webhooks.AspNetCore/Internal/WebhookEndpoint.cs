using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Http;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>
/// The endpoint behind <c>MapClassetWebhooks</c> / <c>MapBoooplyWebhooks</c>: hands the request's headers and body to
/// the vendor's <see cref="WebhookReceiver"/>, which does all the work, and writes the status it chose.
/// </summary>
internal sealed class WebhookEndpoint
{
    private readonly WebhookReceiver _receiver;

    public WebhookEndpoint(WebhookReceiver receiver)
    {
        _receiver = receiver;
    }

    public async Task InvokeAsync(HttpContext httpContext)
    {
        var body = new HttpRequestBody(httpContext);
        var result = await _receiver.ReceiveAsync(
            WebhookRequestHeaders.Create(httpContext.Request.Headers, static (headers, name) => headers[name].ToString()),
            body,
            httpContext.RequestAborted).ConfigureAwait(false);
        if (result.Outcome == WebhookReceiveOutcome.Aborted)
        {
            // The client is gone: there is nobody to answer.
            return;
        }

        var statusCode = result.Outcome == WebhookReceiveOutcome.BadRequest && body.FailureStatusCode is { } kestrelStatus
            ? kestrelStatus
            : result.StatusCode;
        await WebhookResponses.WriteAsync(httpContext.Response, statusCode).ConfigureAwait(false);
    }
}
