namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The <see cref="ClassetWebhookEvent.EventType"/> values this version of the SDK knows.</summary>
public static class ClassetEventTypes
{
    /// <summary>
    /// <c>candidate.interview.updated</c>: an interview changed. The body's <c>event</c> value; parsed as
    /// <see cref="ClassetInterviewUpdatedEvent"/>.
    /// </summary>
    public const string InterviewUpdated = "candidate.interview.updated";

    /// <summary>
    /// <c>call_completed</c>: the deprecated call-completed delivery. Its body has no <c>event</c> property; it is
    /// recognised by its top-level <c>call_status</c> or <c>call_id</c> and parsed as <c>ClassetCallCompletedEvent</c>.
    /// </summary>
    public const string CallCompleted = "call_completed";
}
