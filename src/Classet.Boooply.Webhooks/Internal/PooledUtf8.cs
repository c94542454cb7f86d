using System.Buffers;
using System.Text;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>A string's UTF-8 bytes in a pooled buffer, cleared and returned to the pool on dispose.</summary>
internal ref struct PooledUtf8
{
    private const int MaxSinglePassChars = 1024 * 1024;

    private byte[]? _rented;

    private PooledUtf8(byte[] rented, int length)
    {
        _rented = rented;
        Span = rented.AsSpan(0, length);
    }

    public ReadOnlySpan<byte> Span { get; private set; }

    public static PooledUtf8 Create(string text)
    {
        // One pass: renting the worst case (3 bytes a char) skips GetByteCount, which otherwise reads the text twice.
        // Very long text is counted instead, so the rented array stays near the real size.
        var size = text.Length <= MaxSinglePassChars ? Encoding.UTF8.GetMaxByteCount(text.Length) : Encoding.UTF8.GetByteCount(text);
        var rented = ArrayPool<byte>.Shared.Rent(size);
        var length = Encoding.UTF8.GetBytes(text, rented);
        return new PooledUtf8(rented, length);
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            // Bodies carry candidate data; do not leave it in a shared pool.
            _rented.AsSpan(0, Span.Length).Clear();
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
            Span = default;
        }
    }
}
