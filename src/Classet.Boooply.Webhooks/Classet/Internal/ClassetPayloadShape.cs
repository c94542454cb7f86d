namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>What one pass over a Classet body found: which event it is, and whether the parts Classet's page lists are there.</summary>
internal readonly struct ClassetPayloadShape
{
    public ClassetPayloadKind Kind { get; init; }

    /// <summary>The <c>event</c> value, only materialized when it is not a known one.</summary>
    public string? UnknownEventType { get; init; }

    public bool HasChanges { get; init; }

    public bool HasData { get; init; }

    /// <summary>Where a non-object, non-null <c>data.interview_custom_data</c> value starts, or -1.</summary>
    public long BadCustomDataIndex { get; init; }
}
