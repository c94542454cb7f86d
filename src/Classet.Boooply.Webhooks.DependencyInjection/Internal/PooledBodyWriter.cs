using System.Buffers;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// Collects a request body into one pooled array that never holds more than <c>capacityLimit</c> bytes: asking for more
/// space throws <see cref="BodyLimitExceededException"/>, which the receiver answers with 413. The array is cleared when
/// it goes back to the pool, because bodies hold candidate data.
/// </summary>
internal sealed class PooledBodyWriter : IBufferWriter<byte>, IDisposable
{
    private const int DefaultInitialSize = 16 * 1024;

    private readonly int _capacityLimit;
    private readonly int _initialSize;
    private byte[]? _buffer;
    private int _written;
    private bool _disposed;

    /// <param name="capacityLimit">The most bytes this writer accepts.</param>
    /// <param name="expectedLength">The declared body length, when known, to size the first array.</param>
    public PooledBodyWriter(int capacityLimit, long? expectedLength)
    {
        _capacityLimit = capacityLimit;

        // One byte more than a declared length, so the read that finds the end of a stream needs no larger array.
        _initialSize = (int)Math.Min(capacityLimit, expectedLength is { } length ? Math.Max(length + 1, 1) : DefaultInitialSize);
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer is { } buffer ? buffer.AsMemory(0, _written) : ReadOnlyMemory<byte>.Empty;

    public void Advance(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_buffer is null || count > Math.Min(_buffer.Length, _capacityLimit) - _written)
        {
            throw new InvalidOperationException("Advanced past the space that was handed out.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written, Math.Min(_buffer!.Length, _capacityLimit) - _written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written, Math.Min(_buffer!.Length, _capacityLimit) - _written);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_buffer is { } buffer)
        {
            _buffer = null;
            Return(buffer, _written);
        }
    }

    private void Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = (long)_written + Math.Max(sizeHint, 1);
        if (needed > _capacityLimit)
        {
            throw new BodyLimitExceededException();
        }

        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(needed, _initialSize));
            return;
        }

        if (needed <= Math.Min(_buffer.Length, _capacityLimit))
        {
            return;
        }

        var size = (int)Math.Min(Math.Max((long)_buffer.Length * 2, needed), _capacityLimit);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        Return(_buffer, _written);
        _buffer = larger;
    }

    private static void Return(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
