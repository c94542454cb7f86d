using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// A Boooply webhook delivery (<c>{"event": "...", "data": {...}}</c>). Match on the concrete type:
/// <see cref="BoooplyTranscriptEvent"/>, <see cref="BoooplyEvaluationEvent"/>, <see cref="BoooplyScoresEvent"/>,
/// <see cref="BoooplyRecordingEvent"/>, or <see cref="BoooplyUnknownEvent"/> for anything this version does not know yet.
/// Each typed event exposes every documented field on its <c>Data</c> record; the members here read from it.
/// </summary>
public abstract record BoooplyWebhookEvent
{
    private protected BoooplyWebhookEvent()
    {
    }

    /// <summary>Gets the event type from the body's <c>event</c> property, such as <c>interview.evaluation</c>.</summary>
    public abstract string EventType { get; }

    /// <summary>
    /// Gets <c>data.meetingCode</c>, the interview this event is about. Always present on a typed event (the serializer
    /// rejects a documented event without it); empty on a <see cref="BoooplyUnknownEvent"/> whose body has none.
    /// </summary>
    public abstract string MeetingCode { get; }

    /// <summary>Gets <c>data.source</c>: the ATS organization name that created the interview through the platform API; null for dashboard interviews.</summary>
    public abstract string? Source { get; }

    /// <summary>Gets <c>data.sourceId</c>: your customer's organization id, passed to <c>createOrganizationApiKey()</c>. Use it to route the event; null for dashboard interviews.</summary>
    public abstract string? SourceId { get; }

    /// <summary>Gets <c>data.sourcePlatform</c>: the platform name set when the platform key was generated; null for dashboard interviews.</summary>
    public abstract string? SourcePlatform { get; }

    /// <summary>Gets <c>data.timestamp</c>, when the event was produced (signed, so usable for a replay window).</summary>
    public abstract DateTimeOffset? Timestamp { get; }

    /// <summary>
    /// Gets the key Boooply documents for deduplication: <c>"{meetingCode}:{event}"</c>. The same event may be
    /// delivered more than once; handle a key only once.
    /// </summary>
    public string IdempotencyKey => string.Concat(MeetingCode, ":", EventType);

    /// <summary>Gets or sets the body this event was read from, so serializing it keeps every unchanged value's spelling. Never part of the event's value.</summary>
    internal OriginalJson Original { get; set; }

    /// <summary>
    /// Returns the event's type name, event type and meeting code only. Other payload values (candidate names,
    /// summaries, scores, transcripts, URLs) never appear in <c>ToString()</c>, so logging an event leaks nothing; an
    /// event type or meeting code that is not a plain identifier (letters, digits, <c>._:-</c>, at most 64) is not shown
    /// either, since it is text from the body.
    /// </summary>
    /// <returns>For example <c>BoooplyEvaluationEvent { EventType = interview.evaluation, MeetingCode = Boooply-AI-1234567890 }</c>.</returns>
    public sealed override string ToString() =>
        RecordText.Describe(GetType().Name, ("EventType", EventType), ("MeetingCode", MeetingCode));
}
