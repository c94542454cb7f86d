using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Builds Classet events for tests, pre-filled with the examples of Classet's webhook page (candidate
/// <c>cand_12345678</c>, outcome <c>completed</c>, …). Each builder takes an optional function that changes the event:
/// <c>ClassetTestEvents.InterviewUpdated(e =&gt; e with { Data = e.Data with { InterviewOutcome = ClassetInterviewOutcome.Qualified } })</c>.
/// </summary>
/// <remarks>
/// Each call parses the vendor's example with <see cref="ClassetWebhookSerializer"/>, so the result is exactly what the
/// SDK hands a handler for that delivery, and every call returns a fresh event. Send one with
/// <see cref="ClassetTestDeliveries.Create(ClassetWebhookEvent, string)"/>.
/// </remarks>
public static class ClassetTestEvents
{
    /// <summary>The candidate of the <c>candidate.interview.updated</c> example: <c>cand_12345678</c>.</summary>
    public const string ExampleCandidateId = "cand_12345678";

    private const string DefaultUnknownData = """{"candidate_id":"cand_12345678"}""";

    /// <summary>Builds a <c>candidate.interview.updated</c> event from Classet's example.</summary>
    /// <param name="configure">Changes the example, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    public static ClassetInterviewUpdatedEvent InterviewUpdated(Func<ClassetInterviewUpdatedEvent, ClassetInterviewUpdatedEvent>? configure = null)
    {
        var example = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(ExamplePayloads.Read(ExamplePayloads.ClassetInterviewUpdated));
        return configure is null ? example : configure(example);
    }

#pragma warning disable CS0618 // The deprecated event is still delivered, so tests of its handlers need it.
    /// <summary>Builds a <c>call_completed</c> event (deprecated by Classet) from Classet's example.</summary>
    /// <param name="configure">Changes the example, or <see langword="null"/> to keep it.</param>
    /// <returns>A new event.</returns>
    [Obsolete("Classet deprecated call_completed in favour of candidate.interview.updated; test ClassetInterviewUpdatedEvent handlers with InterviewUpdated() instead, and keep this only while a call_completed handler exists.")]
    public static ClassetCallCompletedEvent CallCompleted(Func<ClassetCallCompletedEvent, ClassetCallCompletedEvent>? configure = null)
    {
        var example = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(ExamplePayloads.Read(ExamplePayloads.ClassetCallCompleted));
        return configure is null ? example : configure(example);
    }
#pragma warning restore CS0618

    /// <summary>
    /// Builds an event of a type this version of the SDK does not know, as Classet might add one:
    /// <c>{"event": eventType, "data": data}</c> (no <c>event</c> at all when <paramref name="eventType"/> is empty).
    /// The endpoint answers it 200 and hands it to the unknown-event handlers.
    /// </summary>
    /// <param name="eventType">The event type, such as <c>candidate.interview.scheduled</c>; not one Classet documents.</param>
    /// <param name="dataJson">The <c>data</c> object as JSON, or <see langword="null"/> for the example candidate.</param>
    /// <returns>A new event; its <see cref="ClassetUnknownEvent.RawJson"/> is the whole body.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is a documented event type, or <paramref name="dataJson"/> is not valid JSON.</exception>
    public static ClassetUnknownEvent Unknown(string eventType, string? dataJson = null)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var body = TestBodies.Envelope(eventType, dataJson ?? DefaultUnknownData, nameof(dataJson));
        ClassetWebhookEvent parsed;
        try
        {
            parsed = ClassetWebhookSerializer.Deserialize(body);
        }
        catch (WebhookPayloadException exception)
        {
            // Only a documented event type has a shape to break: the body parsed as that event and failed.
            throw new ArgumentException($"'{eventType}' is a documented Classet event; use its own builder.", nameof(eventType), exception);
        }

        return parsed as ClassetUnknownEvent
            ?? throw new ArgumentException($"'{eventType}' with this data is a documented Classet event; use its own builder.", nameof(eventType));
    }

    /// <summary>
    /// Returns a body that Classet's deserializer rejects, based on the <c>candidate.interview.updated</c> example.
    /// Signed correctly (<see cref="ClassetTestDeliveries.Create(byte[], string)"/>), the endpoint answers it 400 and
    /// dead-letters it.
    /// </summary>
    /// <param name="kind">How the body is broken.</param>
    /// <returns>The body bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static byte[] MalformedBody(WebhookTestMalformation kind = WebhookTestMalformation.TrailingComma) =>
        TestBodies.Malformed(
            ExamplePayloads.Read(ExamplePayloads.ClassetInterviewUpdated),
            kind,
            wrongTypeField: "candidate_id",
            wrongTypeValue: "12345678",
            removeRequired: root => root.Remove("changes"));
}
