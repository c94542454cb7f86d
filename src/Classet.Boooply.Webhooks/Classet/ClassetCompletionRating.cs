using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>A completion rating from Classet's call analysis (<c>call_completion_rating</c>, <c>agent_task_completion_rating</c>).</summary>
/// <remarks>
/// <para>Classet's example shows <c>Complete</c>; its page lists no other value. Other ratings (a <c>Partial</c> or <c>Incomplete</c>, say) are likely but undocumented, so they arrive with <see cref="IsKnown"/> <see langword="false"/>.</para>
/// <para>An extensible enum: any string Classet sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Classet's page shows. Comparison is ordinal and case-sensitive, because Classet sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<ClassetCompletionRating>))]
public readonly struct ClassetCompletionRating : IEquatable<ClassetCompletionRating>, IWebhookStringEnum<ClassetCompletionRating>
{
    private const string CompleteValue = "Complete";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Classet adds later are kept.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ClassetCompletionRating(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>Complete</c>: the value Classet's example shows.</summary>
    public static ClassetCompletionRating Complete { get; } = new(CompleteValue);

    /// <summary>Gets the value exactly as Classet sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Classet's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is CompleteValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(ClassetCompletionRating left, ClassetCompletionRating right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(ClassetCompletionRating left, ClassetCompletionRating right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator ClassetCompletionRating(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ClassetCompletionRating FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ClassetCompletionRating other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClassetCompletionRating other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Classet sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static ClassetCompletionRating IWebhookStringEnum<ClassetCompletionRating>.Create(string value) => new(value);
}
