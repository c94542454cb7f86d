using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Builds Boooply events for tests, pre-filled with the examples of Boooply's webhook page (Jane Doe, meeting
/// <c>Boooply-AI-1234567890</c>, recommendation <c>PASS</c>, …). Every documented field is on the event's <c>Data</c>
/// record, so each builder takes an optional function that changes it:
/// <c>BoooplyTestEvents.Evaluation(d =&gt; d with { Recommendation = BoooplyRecommendation.Fail })</c>.
/// </summary>
/// <remarks>
/// Each call parses the vendor's example with <see cref="BoooplyWebhookSerializer"/>, so the result is exactly what the
/// SDK hands a handler for that delivery, and every call returns a fresh event. Send one with
/// <see cref="BoooplyTestDeliveries.Create(BoooplyWebhookEvent, string)"/>.
/// </remarks>
public static class BoooplyTestEvents
{
    /// <summary>The meeting code of every example: <c>Boooply-AI-1234567890</c>.</summary>
    public const string ExampleMeetingCode = "Boooply-AI-1234567890";

    private const string DefaultUnknownData = """{"meetingCode":"Boooply-AI-1234567890","timestamp":"2026-03-21T18:45:00.000Z"}""";

    /// <summary>Builds an <c>interview.transcript</c> event from Boooply's example.</summary>
    /// <param name="configure">Changes the example's data, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    public static BoooplyTranscriptEvent Transcript(Func<BoooplyTranscriptData, BoooplyTranscriptData>? configure = null)
    {
        var example = Example<BoooplyTranscriptEvent>(ExamplePayloads.BoooplyTranscript);
        return configure is null ? example : example with { Data = configure(example.Data) };
    }

    /// <summary>Builds an <c>interview.evaluation</c> event from Boooply's example.</summary>
    /// <param name="configure">Changes the example's data, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    public static BoooplyEvaluationEvent Evaluation(Func<BoooplyEvaluationData, BoooplyEvaluationData>? configure = null)
    {
        var example = Example<BoooplyEvaluationEvent>(ExamplePayloads.BoooplyEvaluation);
        return configure is null ? example : example with { Data = configure(example.Data) };
    }

    /// <summary>Builds an <c>interview.scores</c> event from Boooply's example.</summary>
    /// <param name="configure">Changes the example's data, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    public static BoooplyScoresEvent Scores(Func<BoooplyScoresData, BoooplyScoresData>? configure = null)
    {
        var example = Example<BoooplyScoresEvent>(ExamplePayloads.BoooplyScores);
        return configure is null ? example : example with { Data = configure(example.Data) };
    }

    /// <summary>Builds an <c>interview.recording</c> event from Boooply's example.</summary>
    /// <param name="configure">Changes the example's data, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    public static BoooplyRecordingEvent Recording(Func<BoooplyRecordingData, BoooplyRecordingData>? configure = null)
    {
        var example = Example<BoooplyRecordingEvent>(ExamplePayloads.BoooplyRecording);
        return configure is null ? example : example with { Data = configure(example.Data) };
    }

    /// <summary>
    /// Builds an event of a type this version of the SDK does not know, as Boooply might add one:
    /// <c>{"event": eventType, "data": data}</c>. The endpoint answers it 200 and hands it to the unknown-event handlers.
    /// </summary>
    /// <param name="eventType">The event type, such as <c>interview.highlights</c>; not one of <see cref="BoooplyEventTypes"/>.</param>
    /// <param name="dataJson">The <c>data</c> object as JSON, or <see langword="null"/> for the example meeting code and a timestamp.</param>
    /// <returns>A new event; its <see cref="BoooplyUnknownEvent.RawJson"/> is the whole body.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is a documented event type, or <paramref name="dataJson"/> is not valid JSON.</exception>
    public static BoooplyUnknownEvent Unknown(string eventType, string? dataJson = null)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var body = TestBodies.Envelope(eventType, dataJson ?? DefaultUnknownData, nameof(dataJson));
        BoooplyWebhookEvent parsed;
        try
        {
            parsed = BoooplyWebhookSerializer.Deserialize(body);
        }
        catch (WebhookPayloadException exception)
        {
            // Only a documented event type has a shape to break: the body parsed as that event and failed.
            throw new ArgumentException($"'{eventType}' is a documented Boooply event; use its own builder.", nameof(eventType), exception);
        }

        return parsed as BoooplyUnknownEvent
            ?? throw new ArgumentException($"'{eventType}' is a documented Boooply event; use its own builder.", nameof(eventType));
    }

    /// <summary>
    /// Returns a body that Boooply's deserializer rejects, based on the <c>interview.scores</c> example. Signed
    /// correctly (<see cref="BoooplyTestDeliveries.Create(byte[], string)"/>), the endpoint answers it 400 and
    /// dead-letters it.
    /// </summary>
    /// <param name="kind">How the body is broken.</param>
    /// <returns>The body bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static byte[] MalformedBody(WebhookTestMalformation kind = WebhookTestMalformation.TrailingComma) =>
        TestBodies.Malformed(
            ExamplePayloads.Read(ExamplePayloads.BoooplyScores),
            kind,
            wrongTypeField: "overallRating",
            wrongTypeValue: "\"three\"",
            removeRequired: root => root.Get("data")!.Remove("meetingCode"));

    private static T Example<T>(string name)
        where T : BoooplyWebhookEvent =>
        (T)BoooplyWebhookSerializer.Deserialize(ExamplePayloads.Read(name));
}
