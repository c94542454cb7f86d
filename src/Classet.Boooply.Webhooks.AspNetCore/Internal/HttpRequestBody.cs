using System.Buffers;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>
/// The request body, read from <see cref="HttpRequest.BodyReader"/> straight into the receiver's pooled buffer: one
/// copy, and the pipe's buffers are released as they are copied. Copying (rather than holding the pipe's buffers until
/// the handlers finish) keeps the transport free: Kestrel pauses a connection whose unconsumed input exceeds its
/// request buffer (1 MiB by default), and a transcript can be larger than that.
/// </summary>
internal sealed class HttpRequestBody : WebhookRequestBody
{
    private readonly HttpContext _httpContext;

    public HttpRequestBody(HttpContext httpContext)
    {
        _httpContext = httpContext;
    }

    public override long? DeclaredLength => _httpContext.Request.ContentLength;

    /// <summary>The status Kestrel chose for a body it could not read (408 for a too-slow upload, say), if any.</summary>
    public int? FailureStatusCode { get; private set; }

    public override async ValueTask<bool> CopyToAsync(IBufferWriter<byte> destination, long maxLength, CancellationToken cancellationToken)
    {
        // The receiver's limit governs: lift (or lower) the server-wide one so it neither cuts transcripts off nor lets
        // more through. This runs only once the headers passed, so an unauthenticated request never lifts it.
        if (_httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxLength;
        }

        var reader = _httpContext.Request.BodyReader;
        long written = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    // A cancelled read leaves the body incomplete: never verify or parse a truncated body.
                    throw new OperationCanceledException("Reading the request body was cancelled.");
                }

                var sequence = result.Buffer;
                if (written + sequence.Length > maxLength)
                {
                    reader.AdvanceTo(sequence.End);
                    return false;
                }

                if (!sequence.IsEmpty)
                {
                    var length = (int)sequence.Length;
                    sequence.CopyTo(destination.GetSpan(length));
                    destination.Advance(length);
                    written += length;
                }

                reader.AdvanceTo(sequence.End);
                if (result.IsCompleted)
                {
                    return true;
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        catch (BadHttpRequestException exception)
        {
            FailureStatusCode = exception.StatusCode;
            throw;
        }
    }
}
