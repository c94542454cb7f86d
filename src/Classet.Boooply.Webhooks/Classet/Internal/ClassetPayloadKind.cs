namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>Which Classet payload a body is, decided before binding.</summary>
internal enum ClassetPayloadKind
{
    /// <summary>An <c>event</c> this version does not know, or an object with neither <c>event</c> nor the call shape.</summary>
    Unknown,

    /// <summary><c>"event": "candidate.interview.updated"</c>.</summary>
    InterviewUpdated,

    /// <summary>No <c>event</c> but a top-level <c>call_status</c> or <c>call_id</c> (or <c>"event": "call_completed"</c>).</summary>
    CallCompleted,
}
