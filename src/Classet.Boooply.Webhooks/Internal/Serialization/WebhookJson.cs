using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// JSON plumbing both vendors share: bounded reader options, error mapping to <see cref="WebhookPayloadException"/>,
/// and bounded stream reads.
/// </summary>
internal static class WebhookJson
{
    /// <summary>The deepest nesting accepted. Vendor payloads are at most 5 levels deep; 64 leaves room for custom data.</summary>
    public const int MaxDepth = 64;

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Options over a vendor's source-generated context, with the contract rules both vendors share: the depth limit,
    /// the vendor's converters, and no <c>[JsonIgnore]</c>d convenience members in the contract, so a body member that
    /// happens to share a convenience's name (a <c>start</c> beside <c>startMs</c>, say) is kept as an unknown member
    /// rather than silently dropped.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(
        IJsonTypeInfoResolver context, JsonNamingPolicy? namingPolicy, bool respectNullableAnnotations, params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = namingPolicy,
            MaxDepth = MaxDepth,
            RespectNullableAnnotations = respectNullableAnnotations,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = context.WithAddedModifier(RemoveIgnoredMembers),
        };
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }

    private static void RemoveIgnoredMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var index = typeInfo.Properties.Count - 1; index >= 0; index--)
        {
            var property = typeInfo.Properties[index];
            if (property.Get is null && property.Set is null && !property.IsExtensionData)
            {
                typeInfo.Properties.RemoveAt(index);
            }
        }
    }

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
            // Not kept as the inner exception: System.Text.Json's messages can quote the body.
            throw new WebhookPayloadException("Invalid webhook payload: a value has the wrong type or is out of range.", "$", null, null);
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
}
