using System.Buffers;

namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// A request body that a <see cref="WebhookReceiver"/> reads itself, after the checks that need only the headers and
/// with its size limit. Hosts with a <see cref="Stream"/> or the bytes already in memory use the matching
/// <c>ReceiveAsync</c> overload instead; derive from this class to read from another source without copying twice
/// (the ASP.NET Core endpoints read from the request's <c>PipeReader</c> this way).
/// </summary>
public abstract class WebhookRequestBody
{
    /// <summary>Initializes a new instance.</summary>
    protected WebhookRequestBody()
    {
    }

    /// <summary>
    /// Gets the body's length as the sender declared it (for HTTP, <c>Content-Length</c>), or <see langword="null"/>
    /// when it is not known. A declared length over the limit is answered 413 before anything is read; a known length
    /// also sizes the buffer. The body is still checked against the limit while it is read.
    /// </summary>
    public abstract long? DeclaredLength { get; }

    /// <summary>
    /// Copies the whole body into <paramref name="destination"/>, unless it is longer than
    /// <paramref name="maxLength"/>: then it stops as soon as it knows, without reading the rest. It is called at most
    /// once per delivery, and only after the headers passed the receiver's checks.
    /// </summary>
    /// <param name="destination">
    /// Where to copy the body. It holds at most <paramref name="maxLength"/> + 1 bytes: asking it for more space than
    /// that throws, and the receiver answers 413.
    /// </param>
    /// <param name="maxLength">The largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>
    /// <see langword="true"/> when the whole body was copied; <see langword="false"/> when it is longer than
    /// <paramref name="maxLength"/> (the receiver answers 413).
    /// </returns>
    /// <remarks>
    /// An exception other than a cancellation of <paramref name="cancellationToken"/> makes the receiver answer 400
    /// (<see cref="WebhookReceiveOutcome.BadRequest"/>): the body could not be read, so it cannot be authentic.
    /// </remarks>
    public abstract ValueTask<bool> CopyToAsync(IBufferWriter<byte> destination, long maxLength, CancellationToken cancellationToken);
}
