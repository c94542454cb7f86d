using Classet.Boooply.Webhooks.DependencyInjection;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

// README quick start 4 begins
/// <summary>A function on any host (an AWS Lambda behind API Gateway, say): the DI registrations of quick start 2, no ASP.NET Core.</summary>
/// <param name="receiver">Registered by <c>AddBoooplyWebhooks()</c>; a thread-safe singleton.</param>
public sealed class BoooplyWebhookFunction(BoooplyWebhookReceiver receiver)
{
    /// <summary>Receives one delivery: the headers and the raw body bytes, exactly as the host hands them over.</summary>
    /// <param name="headers">The request headers (any case).</param>
    /// <param name="body">The raw body bytes, never a re-serialized string.</param>
    /// <param name="cancellationToken">Signalled when the host gives up on the request.</param>
    /// <returns>The HTTP status to answer with.</returns>
    public async Task<int> HandleAsync(IDictionary<string, string> headers, byte[] body, CancellationToken cancellationToken)
    {
        var result = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(headers), body, cancellationToken);
        return result.StatusCode;   // 200, 400, 401, 409, 413, 500 or 503; the reason is in the log, not the answer
    }
}
// README quick start 4 ends
