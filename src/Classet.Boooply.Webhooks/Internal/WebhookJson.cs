using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// JSON plumbing both vendors share: bounded reader options, error mapping to <see cref="WebhookPayloadException"/>,
/// a top-level property peek that ignores property order, and bounded stream reads.
/// </summary>
internal static class WebhookJson
{
    /// <summary>The deepest nesting accepted. Vendor payloads are at most 5 levels deep; 64 leaves room for custom data.</summary>
    public const int MaxDepth = 64;

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Deserializes with a source-generated type, turning every failure into a <see cref="WebhookPayloadException"/>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo)
                ?? throw new WebhookPayloadException("Invalid webhook payload: the root is null; expected a JSON object.", "$", 0, 0);
        }
        catch (JsonException exception)
        {
            throw WebhookPayloadException.FromJsonException(exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new WebhookPayloadException("Invalid webhook payload: a value has the wrong type or is out of range.", exception);
        }
    }

    /// <summary>
    /// Checks that the bytes are one well-formed JSON object within the depth limit, and finds a top-level string
    /// property wherever it sits. A copy of the reader walks the document, so nothing is materialized.
    /// </summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="propertyName">The UTF-8 name of the top-level property to look for.</param>
    /// <param name="value">The property's string value, or null when absent or not a string.</param>
    /// <param name="present">Whether the property is present at all (with any value).</param>
    /// <exception cref="WebhookPayloadException">The bytes are not a single JSON object.</exception>
    public static void PeekTopLevelString(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> propertyName, out string? value, out bool present)
    {
        value = null;
        present = false;
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new WebhookPayloadException("Invalid webhook payload: the body is empty; expected a JSON object.", "$", 0, 0);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new WebhookPayloadException(
                    $"Invalid webhook payload: the root is {Describe(reader.TokenType)}; expected a JSON object.", "$", 0, 0);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTarget = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (isTarget && !present)
                {
                    present = true;
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            // Walk to the end so truncated or trailing garbage is caught here, with a position, before binding.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            throw WebhookPayloadException.FromJsonException(exception);
        }
    }

    /// <summary>Reads a stream fully into a new array, failing once more than <paramref name="maxBytes"/> arrive.</summary>
    /// <exception cref="WebhookPayloadException">The stream holds more than <paramref name="maxBytes"/>.</exception>
    public static async ValueTask<byte[]> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > maxBytes)
                {
                    throw new WebhookPayloadException($"Invalid webhook payload: the body is larger than the limit of {maxBytes} bytes.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not an object",
    };
}
