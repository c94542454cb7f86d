namespace Classet.Boooply.Webhooks.Internal;

/// <summary>What one pass over a Classet body found: which event it is, and whether the parts the vendor always sends are there.</summary>
internal readonly struct ClassetPayloadShape
{
    public ClassetPayloadKind Kind { get; init; }

    /// <summary>The <c>event</c> value, only materialized when it is not a known one.</summary>
    public string? UnknownEventType { get; init; }

    public bool HasChanges { get; init; }

    public bool HasData { get; init; }

    public bool HasCandidateId { get; init; }

    /// <summary>Where <c>data</c>'s object starts, or -1 when <c>data</c> is not an object.</summary>
    public long DataObjectIndex { get; init; }

    /// <summary>Where a non-object, non-null <c>data.interview_custom_data</c> value starts, or -1.</summary>
    public long BadCustomDataIndex { get; init; }
}
