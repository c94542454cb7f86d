using Microsoft.AspNetCore.Http;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>
/// The fixed, short response bodies. They never say why a delivery was rejected (that goes to the log), so a prober
/// learns nothing about secrets or configuration.
/// </summary>
internal static class WebhookResponses
{
    private static readonly byte[] Unauthorized = "Unauthorized webhook delivery.\n"u8.ToArray();
    private static readonly byte[] TooLarge = "Webhook body too large.\n"u8.ToArray();
    private static readonly byte[] InvalidPayload = "Invalid webhook payload.\n"u8.ToArray();
    private static readonly byte[] InProgress = "This delivery is already being processed; retry later.\n"u8.ToArray();
    private static readonly byte[] Failed = "Webhook processing failed; retry later.\n"u8.ToArray();
    private static readonly byte[] BadRequest = "Bad request.\n"u8.ToArray();
    private static readonly byte[] Unavailable = "Webhook could not be stored; retry later.\n"u8.ToArray();

    public static Task WriteAsync(HttpResponse response, int statusCode)
    {
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = statusCode;
        var body = statusCode switch
        {
            StatusCodes.Status200OK => null,
            StatusCodes.Status401Unauthorized => Unauthorized,
            StatusCodes.Status413PayloadTooLarge => TooLarge,
            StatusCodes.Status400BadRequest => InvalidPayload,
            StatusCodes.Status409Conflict => InProgress,
            StatusCodes.Status500InternalServerError => Failed,
            StatusCodes.Status503ServiceUnavailable => Unavailable,
            _ => BadRequest,
        };
        if (body is null)
        {
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }
}
