using System.Text;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>Builds <see cref="WebhookPayloadException"/>s that say what is wrong, at which JSON path, and at which line and byte.</summary>
internal static class ClassetPayloadErrors
{
    public static WebhookPayloadException At(ReadOnlySpan<byte> utf8Json, long index, string what, string path)
    {
        var (line, byteInLine) = Locate(utf8Json, index);
        return new WebhookPayloadException($"{what} (at {path}, line {line}, byte {byteInLine}).", path, line, byteInLine);
    }

    /// <summary>The zero-based line and byte-in-line of an absolute byte offset, as System.Text.Json reports them.</summary>
    public static (long Line, long ByteInLine) Locate(ReadOnlySpan<byte> utf8Json, long index)
    {
        var end = (int)Math.Clamp(index, 0, utf8Json.Length);
        var before = utf8Json[..end];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, end - lineStart);
    }

    /// <summary>A JSON path for a top-level property name taken from the body (raw, as written); see <see cref="PayloadPath"/>.</summary>
    public static string PathOf(ReadOnlySpan<byte> rawName) => PayloadPath.Append("$", Encoding.UTF8.GetString(rawName));
}
