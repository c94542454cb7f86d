using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>A sentiment from Classet's call analysis (<c>user_sentiment</c>, <c>agent_sentiment</c>).</summary>
/// <remarks>
/// <para>Classet documents <c>Positive</c>, <c>Neutral</c> and <c>Negative</c> for the candidate's sentiment.</para>
/// <para>An extensible enum: any string Classet sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Classet's page shows. Comparison is ordinal and case-sensitive, because Classet sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<ClassetSentiment>))]
public readonly struct ClassetSentiment : IEquatable<ClassetSentiment>, IWebhookStringEnum<ClassetSentiment>
{
    private const string PositiveValue = "Positive";
    private const string NeutralValue = "Neutral";
    private const string NegativeValue = "Negative";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Classet adds later are kept.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ClassetSentiment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>Positive</c>.</summary>
    public static ClassetSentiment Positive { get; } = new(PositiveValue);

    /// <summary>Gets <c>Neutral</c>.</summary>
    public static ClassetSentiment Neutral { get; } = new(NeutralValue);

    /// <summary>Gets <c>Negative</c>.</summary>
    public static ClassetSentiment Negative { get; } = new(NegativeValue);

    /// <summary>Gets the value exactly as Classet sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Classet's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is PositiveValue or NeutralValue or NegativeValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(ClassetSentiment left, ClassetSentiment right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(ClassetSentiment left, ClassetSentiment right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator ClassetSentiment(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ClassetSentiment FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ClassetSentiment other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClassetSentiment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Classet sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static ClassetSentiment IWebhookStringEnum<ClassetSentiment>.Create(string value) => new(value);
}
