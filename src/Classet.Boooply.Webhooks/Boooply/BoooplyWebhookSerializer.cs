using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Classet.Boooply.Webhooks.Boooply.Internal;
using Classet.Boooply.Webhooks.Internal;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Turns a verified Boooply body into a typed <see cref="BoooplyWebhookEvent"/> and back. Source-generated
/// System.Text.Json only; trimming- and AOT-safe. Verify the signature before calling it.
/// </summary>
/// <remarks>
/// <para>
/// The type is chosen by the body's <c>event</c> property, wherever it sits in the object; the unsigned
/// <c>X-Boooply-Event</c> header plays no part. Documented events become <see cref="BoooplyTranscriptEvent"/>,
/// <see cref="BoooplyEvaluationEvent"/>, <see cref="BoooplyScoresEvent"/> and <see cref="BoooplyRecordingEvent"/>;
/// any other <c>event</c> becomes a <see cref="BoooplyUnknownEvent"/> that keeps the whole body.
/// </para>
/// <para>
/// Rules: the root must be a JSON object with a string <c>event</c>. For a documented event, <c>data</c> must be an
/// object with a string <c>meetingCode</c> (Boooply's page says every request carries the event type and its data, every
/// example has <c>data.meetingCode</c>, and the idempotency key it documents needs it);
/// every other field may be missing or null. An unknown event is accepted with any <c>data</c>. Unknown fields and
/// enum values are kept. Nesting deeper than 64 levels, invalid UTF-8, wrong value types and numbers out of range
/// (such as <c>1e400</c>) are rejected with a <see cref="WebhookPayloadException"/> that gives the JSON path and position.
/// </para>
/// <para>
/// A lone UTF-16 surrogate escape such as <c>\ud83d</c>, which <c>JSON.stringify</c> writes for a JavaScript string
/// cut in the middle of an emoji, is read as U+FFFD (the replacement character) instead of costing the delivery
/// (and is written back as <c>\ufffd</c>). If a key appears twice, <c>event</c> included, the last one wins, as in
/// <c>JSON.parse</c>.
/// </para>
/// <para>
/// Numbers: a count or time the page shows only as a whole number (<c>transcriptCount</c>, <c>startMs</c>,
/// <c>endMs</c>, <c>duration</c>) is a <see cref="long"/>, read to the nearest whole unit should a fraction arrive;
/// scores and ratings are exact <see cref="decimal"/>s. A timestamp without an offset is UTC, whatever the server's
/// time zone.
/// </para>
/// <para>
/// <see cref="Serialize"/> gives back what was read: an event returned by <c>Deserialize</c> serializes to its body
/// without insignificant whitespace, every member in its place and every value spelled as it arrived, unknown members
/// included; a value changed with <c>with</c> is written new.
/// </para>
/// </remarks>
public static class BoooplyWebhookSerializer
{
    /// <summary>Parses a Boooply webhook body.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <returns>The typed event; <see cref="BoooplyUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape; the message says what and where.</exception>
    public static BoooplyWebhookEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (BoooplyLoneSurrogates.Contains(utf8Json))
        {
            var repaired = BoooplyLoneSurrogates.Replace(utf8Json);
            try
            {
                return DeserializeCore(repaired.AsSpan(0, utf8Json.Length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(repaired, clearArray: true);
            }
        }

        return DeserializeCore(utf8Json);
    }

    private static BoooplyWebhookEvent DeserializeCore(ReadOnlySpan<byte> utf8Json)
    {
        // What Boooply sends has "event" first: bind at once, and walk the whole body only for anything else.
        var leading = PeekLeadingEvent(utf8Json);
        if (leading != EventKind.None && Utf8.IsValid(utf8Json))
        {
            try
            {
                if (ReadKnown(utf8Json, leading) is { } known)
                {
                    return known;
                }
            }
            catch (WebhookPayloadException)
            {
                // Rare: re-read with the full walker so the error names the real problem (missing meetingCode,
                // data not an object...) instead of whatever the binder tripped over first. If a later "event" key
                // names another event, that one decides, below.
                var diagnosis = BoooplyEnvelopeReader.Read(utf8Json);
                if (diagnosis.EventType is { } last && KindOf(last) == leading)
                {
                    EnsureKnownShape(diagnosis);
                    throw;
                }
            }
        }

        var info = BoooplyEnvelopeReader.Read(utf8Json);
        if (info.EventType is not { } eventType)
        {
            throw info.EventToken == JsonTokenType.None
                ? new WebhookPayloadException("Invalid webhook payload: the required string property 'event' is missing.", "$.event", null, null)
                : new WebhookPayloadException("Invalid webhook payload: 'event' must be a string.", "$.event", null, null);
        }

        var kind = KindOf(eventType);
        if (kind == EventKind.None)
        {
            return ReadUnknown(utf8Json, eventType);
        }

        EnsureKnownShape(info);

        // The walker and the binder both keep the last "event", so they agree here.
        return ReadKnown(utf8Json, kind)
            ?? throw new WebhookPayloadException("Invalid webhook payload: 'event' could not be read consistently.", "$.event", null, null);
    }

    /// <summary>Parses a Boooply webhook body held in a possibly multi-segment sequence (for example from a <c>PipeReader</c>).</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <returns>The typed event; <see cref="BoooplyUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape, or is larger than an array can hold.</exception>
    /// <remarks>A multi-segment body is copied once into a pooled buffer; the returned event owns all its data.</remarks>
    public static BoooplyWebhookEvent Deserialize(ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.IsSingleSegment)
        {
            return Deserialize(utf8Json.FirstSpan);
        }

        if (utf8Json.Length > Array.MaxLength)
        {
            throw new WebhookPayloadException("Invalid webhook payload: the body is too large to parse.");
        }

        var length = (int)utf8Json.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            utf8Json.CopyTo(rented);
            return Deserialize(rented.AsSpan(0, length));
        }
        finally
        {
            // Bodies carry candidates' personal data; do not leave it in a shared pool.
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>Parses a Boooply webhook body given as text.</summary>
    /// <param name="json">The body (verified first).</param>
    /// <returns>The typed event; <see cref="BoooplyUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape; the message says what and where.</exception>
    public static BoooplyWebhookEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = PooledUtf8.Create(json);
        return Deserialize(utf8.Span);
    }

    /// <summary>Reads a Boooply webhook body from a stream, up to 4 MiB (<see cref="WebhookOptions.DefaultMaxRequestBodySize"/>), and parses it.</summary>
    /// <param name="utf8Json">The body stream. It is read to the end (or to the limit) and not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The typed event; <see cref="BoooplyUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="WebhookPayloadException">The body is larger than the limit, or is not a JSON object of a valid shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static ValueTask<BoooplyWebhookEvent> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        DeserializeAsync(utf8Json, WebhookOptions.DefaultMaxRequestBodySize, cancellationToken);

    /// <summary>Reads a Boooply webhook body from a stream, up to <paramref name="maxBytes"/>, and parses it.</summary>
    /// <param name="utf8Json">The body stream. It is read to the end (or to the limit) and not disposed.</param>
    /// <param name="maxBytes">The largest body accepted; reading stops as soon as it is exceeded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The typed event; <see cref="BoooplyUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is zero or negative.</exception>
    /// <exception cref="WebhookPayloadException">The body is larger than <paramref name="maxBytes"/>, or is not a JSON object of a valid shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static async ValueTask<BoooplyWebhookEvent> DeserializeAsync(Stream utf8Json, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var body = await WebhookJson.ReadBoundedAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        return Deserialize(body);
    }

    /// <summary>Parses a Boooply webhook body without throwing for bad input.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out BoooplyWebhookEvent? webhookEvent,
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

    /// <summary>Parses a Boooply webhook body held in a sequence without throwing for bad input.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        ReadOnlySequence<byte> utf8Json,
        [NotNullWhen(true)] out BoooplyWebhookEvent? webhookEvent,
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

    /// <summary>Parses a Boooply webhook body given as text without throwing for bad input.</summary>
    /// <param name="json">The body (verified first). Null is treated as an empty body.</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        string? json,
        [NotNullWhen(true)] out BoooplyWebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookPayloadException? error)
    {
        using var utf8 = PooledUtf8.Create(json ?? string.Empty);
        return TryDeserialize(utf8.Span, out webhookEvent, out error);
    }

    /// <summary>
    /// Writes an event in Boooply's wire shape, <c>{"event":"...","data":{...}}</c>, as compact JSON. For an event
    /// returned by <c>Deserialize</c> (or a copy of one made with <c>with</c>), every value that was not changed is
    /// written exactly as it arrived, in its place: absent members stay absent, <c>null</c> stays <c>null</c>, numbers
    /// and timestamps keep their spelling, and unknown members are kept. A changed value is written new, in its
    /// member's place; for an event built in code, members come in declaration order and <see langword="null"/> ones are
    /// left out. A <see cref="BoooplyUnknownEvent"/> is written as its whole body.
    /// </summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is null.</exception>
    /// <remarks>
    /// For a body Boooply sent, the result is that body without the whitespace between tokens (a key that appeared
    /// twice is written once, with its last value). Never use it to check a signature: verify the raw body bytes.
    /// </remarks>
    public static string Serialize(BoooplyWebhookEvent webhookEvent) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(webhookEvent));

    /// <summary>Writes an event in Boooply's wire shape as UTF-8 bytes; see <see cref="Serialize"/>.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is null.</exception>
    public static byte[] SerializeToUtf8Bytes(BoooplyWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var original = webhookEvent.Original.Utf8.Span;
        return webhookEvent switch
        {
            BoooplyTranscriptEvent e => LosslessJsonWriter.Write(Envelope(e, e.Data, e.ExtensionData), BoooplyJson.Transcript, original),
            BoooplyEvaluationEvent e => LosslessJsonWriter.Write(Envelope(e, e.Data, e.ExtensionData), BoooplyJson.Evaluation, original),
            BoooplyScoresEvent e => LosslessJsonWriter.Write(Envelope(e, e.Data, e.ExtensionData), BoooplyJson.Scores, original),
            BoooplyRecordingEvent e => LosslessJsonWriter.Write(Envelope(e, e.Data, e.ExtensionData), BoooplyJson.Recording, original),
            BoooplyUnknownEvent e => LosslessJsonWriter.WriteRaw(Encoding.UTF8.GetBytes(e.RawJson.GetRawText())),
            _ => throw new ArgumentException($"Unsupported Boooply event type {webhookEvent.GetType().Name}.", nameof(webhookEvent)),
        };
    }

    private static BoooplyEnvelope<TData> Envelope<TData>(BoooplyWebhookEvent webhookEvent, TData data, IReadOnlyDictionary<string, JsonElement>? extensionData)
        where TData : class =>
        new() { Event = webhookEvent.EventType, Data = data, ExtensionData = extensionData };

    /// <summary>Binds a body whose <c>event</c> was found to be <paramref name="kind"/>; null when the binder read another <c>event</c> (a repeated key).</summary>
    private static BoooplyWebhookEvent? ReadKnown(ReadOnlySpan<byte> utf8Json, EventKind kind)
    {
        BoooplyWebhookEvent result;
        string? boundEvent;
        switch (kind)
        {
            case EventKind.Transcript:
                var transcript = Bind(utf8Json, BoooplyJson.Transcript);
                (result, boundEvent) = (new BoooplyTranscriptEvent { Data = transcript.Data!, ExtensionData = transcript.ExtensionData }, transcript.Event);
                break;
            case EventKind.Evaluation:
                var evaluation = Bind(utf8Json, BoooplyJson.Evaluation);
                (result, boundEvent) = (new BoooplyEvaluationEvent { Data = evaluation.Data!, ExtensionData = evaluation.ExtensionData }, evaluation.Event);
                break;
            case EventKind.Scores:
                var scores = Bind(utf8Json, BoooplyJson.Scores);
                (result, boundEvent) = (new BoooplyScoresEvent { Data = scores.Data!, ExtensionData = scores.ExtensionData }, scores.Event);
                break;
            default:
                var recording = Bind(utf8Json, BoooplyJson.Recording);
                (result, boundEvent) = (new BoooplyRecordingEvent { Data = recording.Data!, ExtensionData = recording.ExtensionData }, recording.Event);
                break;
        }

        // The peek saw the first "event"; the binder keeps the last, as JSON.parse does. When they differ, the caller
        // reads the body again with the walker, which dispatches on the last one.
        if (!string.Equals(boundEvent, result.EventType, StringComparison.Ordinal))
        {
            return null;
        }

        // A repeated "data" or "meetingCode" key can still bind a null, which the peek cannot see.
        if (result.MeetingCode is null)
        {
            throw MissingMeetingCode();
        }

        result.Original = new OriginalJson(utf8Json.ToArray());
        return result;
    }

    private static BoooplyEnvelope<TData> Bind<TData>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<BoooplyEnvelope<TData>> typeInfo)
        where TData : class
    {
        var envelope = WebhookJson.Deserialize(utf8Json, typeInfo);
        return envelope.Data is null ? throw DataNotObject() : envelope;
    }

    private static void EnsureKnownShape(in BoooplyEnvelopeInfo info)
    {
        if (info.DataToken == JsonTokenType.None)
        {
            throw new WebhookPayloadException("Invalid webhook payload: the required object property 'data' is missing.", "$.data", null, null);
        }

        if (info.DataToken != JsonTokenType.StartObject)
        {
            throw DataNotObject();
        }

        if (info.MeetingCodeToken == JsonTokenType.None)
        {
            throw MissingMeetingCode();
        }

        if (info.MeetingCodeToken != JsonTokenType.String)
        {
            throw new WebhookPayloadException("Invalid webhook payload: 'data.meetingCode' must be a string.", "$.data.meetingCode", null, null);
        }
    }

    private static EventKind PeekLeadingEvent(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        try
        {
            // Escaped text goes the slow way: unescaping can throw on lone surrogates, and Boooply never escapes these.
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || !reader.ValueTextEquals("event"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return EventKind.None;
            }
        }
        catch (JsonException)
        {
            return EventKind.None;
        }

        return reader.ValueTextEquals("interview.transcript"u8) ? EventKind.Transcript
            : reader.ValueTextEquals("interview.evaluation"u8) ? EventKind.Evaluation
            : reader.ValueTextEquals("interview.scores"u8) ? EventKind.Scores
            : reader.ValueTextEquals("interview.recording"u8) ? EventKind.Recording
            : EventKind.None;
    }

    private static EventKind KindOf(string eventType) => eventType switch
    {
        BoooplyEventTypes.Transcript => EventKind.Transcript,
        BoooplyEventTypes.Evaluation => EventKind.Evaluation,
        BoooplyEventTypes.Scores => EventKind.Scores,
        BoooplyEventTypes.Recording => EventKind.Recording,
        _ => EventKind.None,
    };

    private static WebhookPayloadException DataNotObject() =>
        new("Invalid webhook payload: 'data' must be an object.", "$.data", null, null);

    private static BoooplyUnknownEvent ReadUnknown(ReadOnlySpan<byte> utf8Json, string eventType)
    {
        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        try
        {
            // ParseValue copies into a document the event owns, so nothing points into the caller's buffer.
            return new BoooplyUnknownEvent(eventType, JsonElement.ParseValue(ref reader));
        }
        catch (JsonException exception)
        {
            throw WebhookPayloadException.FromJsonException(exception);
        }
    }

    private static WebhookPayloadException MissingMeetingCode() =>
        new("Invalid webhook payload: the required string property 'data.meetingCode' is missing.", "$.data.meetingCode", null, null);

    private enum EventKind
    {
        None,
        Transcript,
        Evaluation,
        Scores,
        Recording,
    }
}
