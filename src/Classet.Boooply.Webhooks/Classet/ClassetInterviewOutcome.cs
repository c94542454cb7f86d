using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The final outcome of a Classet interview (<c>data.interview_outcome</c>).</summary>
/// <remarks>
/// <para>Classet lists ten values, without describing them. A <see langword="null"/> outcome (not yet completed, or no outcome determined) is a <see langword="null"/> <c>ClassetInterviewOutcome?</c>, not a value of this type.</para>
/// <para>An extensible enum: any string Classet sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Classet's page shows. Comparison is ordinal and case-sensitive, because Classet sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<ClassetInterviewOutcome>))]
public readonly struct ClassetInterviewOutcome : IEquatable<ClassetInterviewOutcome>, IWebhookStringEnum<ClassetInterviewOutcome>
{
    private const string CandidateNotInterestedValue = "candidate_not_interested";
    private const string AiOptOutValue = "ai_opt_out";
    private const string QualifiedValue = "qualified";
    private const string UnqualifiedValue = "unqualified";
    private const string CandidateNotResponsiveValue = "candidate_not_responsive";
    private const string CompletedValue = "completed";
    private const string NotSentUnreachableValue = "not_sent_unreachable";
    private const string NotSentDuplicateValue = "not_sent_duplicate";
    private const string NotSentAlreadyCompletedValue = "not_sent_already_completed";
    private const string AiStoppedOverrideValue = "ai_stopped_override";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Classet adds later are kept.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ClassetInterviewOutcome(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>candidate_not_interested</c>.</summary>
    public static ClassetInterviewOutcome CandidateNotInterested { get; } = new(CandidateNotInterestedValue);

    /// <summary>Gets <c>ai_opt_out</c>.</summary>
    public static ClassetInterviewOutcome AiOptOut { get; } = new(AiOptOutValue);

    /// <summary>Gets <c>qualified</c>.</summary>
    public static ClassetInterviewOutcome Qualified { get; } = new(QualifiedValue);

    /// <summary>Gets <c>unqualified</c>.</summary>
    public static ClassetInterviewOutcome Unqualified { get; } = new(UnqualifiedValue);

    /// <summary>Gets <c>candidate_not_responsive</c>.</summary>
    public static ClassetInterviewOutcome CandidateNotResponsive { get; } = new(CandidateNotResponsiveValue);

    /// <summary>Gets <c>completed</c>.</summary>
    public static ClassetInterviewOutcome Completed { get; } = new(CompletedValue);

    /// <summary>Gets <c>not_sent_unreachable</c>.</summary>
    public static ClassetInterviewOutcome NotSentUnreachable { get; } = new(NotSentUnreachableValue);

    /// <summary>Gets <c>not_sent_duplicate</c>.</summary>
    public static ClassetInterviewOutcome NotSentDuplicate { get; } = new(NotSentDuplicateValue);

    /// <summary>Gets <c>not_sent_already_completed</c>.</summary>
    public static ClassetInterviewOutcome NotSentAlreadyCompleted { get; } = new(NotSentAlreadyCompletedValue);

    /// <summary>Gets <c>ai_stopped_override</c>.</summary>
    public static ClassetInterviewOutcome AiStoppedOverride { get; } = new(AiStoppedOverrideValue);

    /// <summary>Gets the value exactly as Classet sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Classet's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is CandidateNotInterestedValue or AiOptOutValue or QualifiedValue or UnqualifiedValue or CandidateNotResponsiveValue or CompletedValue or NotSentUnreachableValue or NotSentDuplicateValue or NotSentAlreadyCompletedValue or AiStoppedOverrideValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(ClassetInterviewOutcome left, ClassetInterviewOutcome right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(ClassetInterviewOutcome left, ClassetInterviewOutcome right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator ClassetInterviewOutcome(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ClassetInterviewOutcome FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ClassetInterviewOutcome other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClassetInterviewOutcome other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Classet sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static ClassetInterviewOutcome IWebhookStringEnum<ClassetInterviewOutcome>.Create(string value) => new(value);
}
