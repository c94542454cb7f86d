using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>
/// A request body copied once into one pooled array. Copying (rather than holding the pipe's buffers until the handlers
/// finish) keeps the transport free: Kestrel pauses a connection whose unconsumed input exceeds its request buffer
/// (1 MiB by default), and a transcript can be larger than that.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer is { } buffer ? buffer.AsMemory(0, Length) : throw new ObjectDisposedException(nameof(PooledBody));

    /// <summary>Reads the whole body, or returns <see langword="null"/> as soon as more than <paramref name="limit"/> bytes arrive.</summary>
    public static async ValueTask<PooledBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var max = (int)Math.Min(limit, Array.MaxLength);
        var expected = request.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(expected is { } length && length <= max ? Math.Max((int)length, 1) : Math.Min(max, InitialBufferSize));
        var written = 0;
        try
        {
            var reader = request.BodyReader;
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    // A cancelled read leaves the body incomplete: never verify or parse a truncated body.
                    throw new OperationCanceledException("Reading the request body was cancelled.");
                }

                var sequence = result.Buffer;
                if (written + sequence.Length > max)
                {
                    reader.AdvanceTo(sequence.End);
                    ArrayPool<byte>.Shared.Return(Clear(buffer, written));
                    buffer = null;
                    return null;
                }

                if (written + sequence.Length > buffer.Length)
                {
                    buffer = Grow(buffer, written, (int)(written + sequence.Length), max);
                }

                sequence.CopyTo(buffer.AsSpan(written));
                written += (int)sequence.Length;
                reader.AdvanceTo(sequence.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            var body = new PooledBody(buffer, written);
            buffer = null;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                // Reading threw: the array was not handed to a PooledBody.
                ArrayPool<byte>.Shared.Return(Clear(buffer, written));
            }
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;

            // Bodies hold candidate data; don't leave it in pooled arrays for the next renter to read.
            ArrayPool<byte>.Shared.Return(Clear(buffer, Length));
        }
    }

    private static byte[] Grow(byte[] buffer, int written, int needed, int max)
    {
        var size = (int)Math.Min(Math.Max((long)buffer.Length * 2, needed), max);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(Clear(buffer, written));
        return larger;
    }

    private static byte[] Clear(byte[] buffer, int length)
    {
        buffer.AsSpan(0, length).Clear();
        return buffer;
    }
}
