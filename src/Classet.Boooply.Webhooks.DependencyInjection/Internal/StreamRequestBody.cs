using System.Buffers;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>A body read from a <see cref="Stream"/>, never more than the limit plus the one byte that proves it is longer.</summary>
internal sealed class StreamRequestBody : WebhookRequestBody
{
    private readonly Stream _stream;

    public StreamRequestBody(Stream stream, long? declaredLength)
    {
        _stream = stream;
        DeclaredLength = declaredLength;
    }

    public override long? DeclaredLength { get; }

    public override async ValueTask<bool> CopyToAsync(IBufferWriter<byte> destination, long maxLength, CancellationToken cancellationToken)
    {
        long written = 0;
        while (true)
        {
            // At most the bytes that are left below the limit, plus one: reading that one byte is how a body that does
            // not declare its length is found to be too long.
            var memory = destination.GetMemory();
            var room = (int)Math.Min(memory.Length, maxLength + 1 - written);
            var read = await _stream.ReadAsync(memory[..room], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return true;
            }

            destination.Advance(read);
            written += read;
            if (written > maxLength)
            {
                return false;
            }
        }
    }
}
