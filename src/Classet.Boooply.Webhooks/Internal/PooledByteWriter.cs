using System.Buffers;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}"/>, reused for each canonical form so a large body
/// costs one rented buffer rather than a chain of copies. Only <see cref="ToArray"/> hands out memory the caller owns.
/// </summary>
internal sealed class PooledByteWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public PooledByteWriter(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    public void Write(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> value)
    {
        if (_buffer.Length - _length < value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Writes text known to be ASCII (number literals, escapes), one byte per char.</summary>
    public void WriteAscii(ReadOnlySpan<char> value)
    {
        if (_buffer.Length - _length < value.Length)
        {
            Grow(value.Length);
        }

        for (var i = 0; i < value.Length; i++)
        {
            _buffer[_length + i] = (byte)value[i];
        }

        _length += value.Length;
    }

    /// <summary>Writes <c>\uxxxx</c> with lowercase hex, as both JavaScript and Python do.</summary>
    public void WriteUnicodeEscape(char c)
    {
        var span = GetSpan(6);
        span[0] = (byte)'\\';
        span[1] = (byte)'u';
        span[2] = (byte)"0123456789abcdef"[(c >> 12) & 0xF];
        span[3] = (byte)"0123456789abcdef"[(c >> 8) & 0xF];
        span[4] = (byte)"0123456789abcdef"[(c >> 4) & 0xF];
        span[5] = (byte)"0123456789abcdef"[c & 0xF];
        Advance(6);
    }

    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - _length < sizeHint)
        {
            Grow(sizeHint);
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            // Webhook bodies carry candidate data (names, transcripts); do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private void Grow(int needed)
    {
        var required = (long)_length + needed;
        var size = Math.Max(required, (long)_buffer.Length * 2);
        if (size > Array.MaxLength)
        {
            // Callers bound the body so that no canonical form can get here (see CanonicalSignatureVerifier.MaxBodyLength).
            size = required <= Array.MaxLength ? Array.MaxLength : throw new InvalidOperationException("A canonical JSON form exceeds the largest possible array.");
        }

        var next = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = next;
    }
}
