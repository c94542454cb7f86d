using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Classet.Internal;
using Classet.Boooply.Webhooks.Internal;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// Turns a verified Classet body into a typed <see cref="ClassetWebhookEvent"/> and back. Source-generated
/// System.Text.Json only; trimming- and AOT-safe. Verify the signature before calling it.
/// </summary>
/// <remarks>
/// <para>
/// Dispatch: <c>"event": "candidate.interview.updated"</c> gives <see cref="ClassetInterviewUpdatedEvent"/>, wherever
/// <c>event</c> sits in the object. A body without <c>event</c> but with a top-level <c>call_status</c> or
/// <c>call_id</c> is the deprecated <c>call_completed</c> delivery (<c>ClassetCallCompletedEvent</c>). Any other
/// <c>event</c> value, or an object with neither, gives <see cref="ClassetUnknownEvent"/> (with an empty
/// <see cref="ClassetWebhookEvent.EventType"/> for the latter). Unknown events, fields and enum values never throw.
/// </para>
/// <para>
/// Bad input throws only <see cref="WebhookPayloadException"/>, whose message, <see cref="WebhookPayloadException.Path"/>
/// and position say what and where: not UTF-8, not JSON, truncated, not an object at the root, nested deeper than
/// 64 levels, a value of the wrong type or out of range (<c>1e400</c> for a number), or a part Classet always sends
/// missing (<c>changes</c>, <c>data</c>, <c>data.candidate_id</c> for <c>candidate.interview.updated</c>).
/// A leading UTF-8 byte order mark is ignored, as RFC 8259 allows.
/// </para>
/// </remarks>
public static class ClassetWebhookSerializer
{
    /// <summary>Parses a Classet webhook body.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape; the message says what and where.</exception>
    public static ClassetWebhookEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var shape = ClassetPayloadInspector.Inspect(utf8Json);
        switch (shape.Kind)
        {
            case ClassetPayloadKind.InterviewUpdated:
                CheckRequiredParts(utf8Json, shape);
                var interview = Bind(utf8Json, ClassetJson.InterviewUpdated);
                ClassetPayloadValidator.Validate(interview, utf8Json);
                interview.Original = new OriginalJson(utf8Json.ToArray());
                return interview;
            case ClassetPayloadKind.CallCompleted:
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.
                var call = Bind(utf8Json, ClassetJson.CallCompleted);
#pragma warning restore CS0618
                ClassetPayloadValidator.Validate(call, utf8Json);
                call.Original = new OriginalJson(utf8Json.ToArray());
                return call;
            default:
                // JsonElement.ParseValue copies into an unpooled document, so the event's Clone() costs nothing more.
                var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
                return new ClassetUnknownEvent(shape.UnknownEventType ?? string.Empty, JsonElement.ParseValue(ref reader));
        }
    }

    /// <summary>Parses a Classet webhook body that arrived in segments (for example from a <c>PipeReader</c>).</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape, or is larger than 2 GiB.</exception>
    public static ClassetWebhookEvent Deserialize(ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.IsSingleSegment)
        {
            return Deserialize(utf8Json.FirstSpan);
        }

        if (utf8Json.Length > Array.MaxLength)
        {
            throw new WebhookPayloadException("Invalid webhook payload: the body is too large to parse.", "$", 0, 0);
        }

        var length = (int)utf8Json.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            utf8Json.CopyTo(buffer);
            return Deserialize(buffer.AsSpan(0, length));
        }
        finally
        {
            // Bodies carry candidates' personal data; do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>Parses a Classet webhook body held as a string.</summary>
    /// <param name="json">The body text (verified first).</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape; the message says what and where.</exception>
    public static ClassetWebhookEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = PooledUtf8.Create(json);
        return Deserialize(utf8.Span);
    }

    /// <summary>Reads a Classet webhook body from a stream, up to 4 MiB (<see cref="WebhookOptions.DefaultMaxRequestBodySize"/>), and parses it.</summary>
    /// <param name="utf8Json">The body stream. It is read to the end and not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="WebhookPayloadException">The body is larger than the limit, or is not a JSON object of a valid shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static ValueTask<ClassetWebhookEvent> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        DeserializeAsync(utf8Json, WebhookOptions.DefaultMaxRequestBodySize, cancellationToken);

    /// <summary>Reads a Classet webhook body from a stream, up to <paramref name="maxBytes"/>, and parses it.</summary>
    /// <param name="utf8Json">The body stream. It is read to the end (or to the limit) and not disposed.</param>
    /// <param name="maxBytes">The largest body accepted; reading stops as soon as it is exceeded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is zero or negative.</exception>
    /// <exception cref="WebhookPayloadException">The body is larger than <paramref name="maxBytes"/>, or is not a JSON object of a valid shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static async ValueTask<ClassetWebhookEvent> DeserializeAsync(Stream utf8Json, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var body = await WebhookJson.ReadBoundedAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        return Deserialize(body);
    }

    /// <summary>Parses a Classet webhook body without throwing for bad input.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out ClassetWebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookPayloadException? error)
    {
        try
        {
            webhookEvent = Deserialize(utf8Json);
            error = null;
            return true;
        }
        catch (WebhookPayloadException exception)
        {
            webhookEvent = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Parses a segmented Classet webhook body without throwing for bad input.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        ReadOnlySequence<byte> utf8Json,
        [NotNullWhen(true)] out ClassetWebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookPayloadException? error)
    {
        try
        {
            webhookEvent = Deserialize(utf8Json);
            error = null;
            return true;
        }
        catch (WebhookPayloadException exception)
        {
            webhookEvent = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Parses a Classet webhook body held as a string without throwing for bad input.</summary>
    /// <param name="json">The body text (verified first). Null is treated as an empty body.</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        string? json,
        [NotNullWhen(true)] out ClassetWebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookPayloadException? error)
    {
        using var utf8 = PooledUtf8.Create(json ?? string.Empty);
        return TryDeserialize(utf8.Span, out webhookEvent, out error);
    }

    /// <summary>
    /// Writes an event back in Classet's wire shape, as compact JSON. For an event returned by <c>Deserialize</c> (or a
    /// copy of one made with <c>with</c>), every value that was not changed is written exactly as it arrived, in its
    /// place: absent members stay absent, <c>null</c> stays <c>null</c>, numbers and timestamps keep their spelling, and
    /// unknown members are kept. A changed value is written new, in its member's place; for an event built in code,
    /// members come in declaration order and <see langword="null"/> ones are left out. The deprecated
    /// <c>call_completed</c> has no <c>event</c> member; an unknown event is written as its whole body.
    /// </summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is null.</exception>
    /// <remarks>
    /// For a body Classet sent, the result is that body without the whitespace between tokens (a key that appeared twice
    /// is written once, with its last value). Never use it to verify a signature: Classet signs the bytes it sent, so
    /// hash the raw body.
    /// </remarks>
    public static string Serialize(ClassetWebhookEvent webhookEvent) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(webhookEvent));

    /// <summary>Writes an event back in Classet's wire shape, as compact UTF-8 JSON (see <see cref="Serialize(ClassetWebhookEvent)"/>).</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The UTF-8 JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is null.</exception>
    public static byte[] SerializeToUtf8Bytes(ClassetWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return webhookEvent switch
        {
            ClassetInterviewUpdatedEvent interview => LosslessJsonWriter.Write(interview, ClassetJson.InterviewUpdated, interview.Original.Utf8.Span),
#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be written back.
            ClassetCallCompletedEvent call => LosslessJsonWriter.Write(call, ClassetJson.CallCompleted, call.Original.Utf8.Span),
#pragma warning restore CS0618
            ClassetUnknownEvent unknown => LosslessJsonWriter.WriteRaw(Encoding.UTF8.GetBytes(unknown.RawJson.GetRawText())),
            _ => throw new ArgumentException($"Unsupported event type {webhookEvent.GetType().Name}.", nameof(webhookEvent)),
        };
    }

    private static void CheckRequiredParts(ReadOnlySpan<byte> utf8Json, ClassetPayloadShape shape)
    {
        if (!shape.HasChanges)
        {
            throw ClassetPayloadErrors.At(utf8Json, 0, "Invalid webhook payload: candidate.interview.updated has no 'changes', which Classet's page lists as a payload field", "$");
        }

        if (!shape.HasData)
        {
            throw ClassetPayloadErrors.At(utf8Json, 0, "Invalid webhook payload: candidate.interview.updated has no 'data', which Classet's page lists as a payload field", "$");
        }

        if (shape.BadCustomDataIndex >= 0)
        {
            throw ClassetPayloadErrors.At(
                utf8Json, shape.BadCustomDataIndex, "Invalid webhook payload: the value at $.data.interview_custom_data has the wrong type; expected an object or null", "$.data.interview_custom_data");
        }
    }

    private static T Bind<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
        where T : ClassetWebhookEvent
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo)
                ?? throw new WebhookPayloadException("Invalid webhook payload: the root is null; expected a JSON object.", "$", 0, 0);
        }
        catch (JsonException exception)
        {
            // Not kept as the inner exception: System.Text.Json's messages can quote the body.
            var path = PayloadPath.Sanitize(exception.Path);
            var where = exception.LineNumber is { } line ? $", line {line}, byte {exception.BytePositionInLine ?? 0}" : string.Empty;
            throw new WebhookPayloadException(
                $"Invalid webhook payload: the value at {path} has the wrong type or is out of range (at {path}{where}).",
                path,
                exception.LineNumber,
                exception.BytePositionInLine);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            // Defensive: the inspector has already rejected what makes System.Text.Json throw these.
            throw new WebhookPayloadException("Invalid webhook payload: a value has the wrong type or is out of range.", "$", null, null);
        }
    }
}
