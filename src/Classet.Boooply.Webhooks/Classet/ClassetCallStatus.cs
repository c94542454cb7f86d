using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The status of a call in the deprecated <c>call_completed</c> delivery (<c>call_status</c>).</summary>
/// <remarks>
/// <para>Classet's example shows <c>call_completed</c>; its page lists no other value.</para>
/// <para>An extensible enum: any string Classet sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Classet's page shows. Comparison is ordinal and case-sensitive, because Classet sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<ClassetCallStatus>))]
public readonly struct ClassetCallStatus : IEquatable<ClassetCallStatus>, IWebhookStringEnum<ClassetCallStatus>
{
    private const string CallCompletedValue = "call_completed";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Classet adds later are kept.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ClassetCallStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>call_completed</c>: the value Classet's example shows.</summary>
    public static ClassetCallStatus CallCompleted { get; } = new(CallCompletedValue);

    /// <summary>Gets the value exactly as Classet sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Classet's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is CallCompletedValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(ClassetCallStatus left, ClassetCallStatus right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(ClassetCallStatus left, ClassetCallStatus right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator ClassetCallStatus(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Classet sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ClassetCallStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ClassetCallStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClassetCallStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Classet sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static ClassetCallStatus IWebhookStringEnum<ClassetCallStatus>.Create(string value) => new(value);
}
