using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// The only exception the webhook deserializers throw for bad input: text that is not JSON, truncated JSON,
/// the wrong shape or value types, nesting deeper than the limit, or a body over the size limit.
/// </summary>
/// <remarks>
/// The message says what is wrong and where (<see cref="Path"/>, <see cref="LineNumber"/>,
/// <see cref="BytePositionInLine"/>). It never contains a secret and quotes no text from the body; the deserializers
/// never set an <see cref="Exception.InnerException"/>, because the parser's own messages can quote the body. So the
/// exception's message and <see cref="Exception.ToString"/> are safe to log. A path names the members leading to the
/// problem; a member name that is not a plain identifier is not shown.
/// </remarks>
public sealed class WebhookPayloadException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public WebhookPayloadException()
        : base("The webhook payload is not valid.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public WebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the underlying cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public WebhookPayloadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a message and a location.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">The JSON path of the offending value, such as <c>$.data.scores.overall</c>.</param>
    /// <param name="lineNumber">The zero-based line of the offending value.</param>
    /// <param name="bytePositionInLine">The zero-based byte offset within that line.</param>
    /// <param name="innerException">The underlying cause.</param>
    public WebhookPayloadException(string message, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Gets the JSON path of the offending value, when known (for example <c>$.data.scores</c>).</summary>
    public string? Path { get; }

    /// <summary>Gets the zero-based line number of the offending value, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the zero-based byte position within <see cref="LineNumber"/>, when known.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>
    /// Turns a <see cref="JsonException"/> from System.Text.Json into a payload exception at the same place. The
    /// original is not kept as <see cref="Exception.InnerException"/>, and its message is not copied: System.Text.Json's
    /// messages can quote the body (<c>'x' is invalid after a value</c>), and a body carries candidates' personal data.
    /// </summary>
    /// <param name="exception">The exception to translate.</param>
    /// <returns>A payload exception that points at the same place.</returns>
    internal static WebhookPayloadException FromJsonException(JsonException exception)
    {
        var path = exception.Path is { Length: > 0 } ? PayloadPath.Sanitize(exception.Path) : null;
        var where = path is not null ? $" at {path}" : string.Empty;
        var position = exception.LineNumber is { } line
            ? $" (line {line}, byte {exception.BytePositionInLine ?? 0})"
            : string.Empty;
        var what = exception.InnerException is InvalidOperationException or FormatException or OverflowException
            ? "a value has the wrong type or is out of range"
            // The reader's truncation message also mentions "depth"; only this phrase means the limit was hit.
            : exception.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
                ? "the JSON is nested deeper than the allowed maximum"
                : "the body is not valid JSON for this webhook";
        return new WebhookPayloadException($"Invalid webhook payload: {what}{where}{position}.", path, exception.LineNumber, exception.BytePositionInLine);
    }
}
