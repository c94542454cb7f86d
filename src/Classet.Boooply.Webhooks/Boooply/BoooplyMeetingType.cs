using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Boooply's the kind of interview (<c>data.meetingType</c>), as an extensible enum: any string the vendor sends is kept, so a new value never breaks
/// deserialization. Compare with the static known values; check <see cref="IsKnown"/> to detect a new one.
/// </summary>
/// <remarks>
/// Equality ignores case (ordinal); <see cref="Value"/> and <see cref="ToString"/> keep the text exactly as sent.
/// <para>Boooply documents <c>AI_ONLY</c>; its human and team meetings use other values that the docs do not spell out, so they arrive as unknown values and are kept.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyMeetingType>))]
public readonly struct BoooplyMeetingType : IEquatable<BoooplyMeetingType>, IWebhookStringEnum<BoooplyMeetingType>
{
    private static readonly string[] KnownValues = ["AI_ONLY"];

    private readonly string? _value;

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyMeetingType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>AI_ONLY</c>: an interview run entirely by Boooply's AI interviewer.</summary>
    public static BoooplyMeetingType AiOnly { get; } = new("AI_ONLY");

    /// <summary>Gets the value exactly as Boooply sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is one of the values this version of the SDK knows.</summary>
    public bool IsKnown
    {
        get
        {
            foreach (var known in KnownValues)
            {
                if (string.Equals(known, Value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator BoooplyMeetingType(string? value) => value is null ? default : new BoooplyMeetingType(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BoooplyMeetingType left, BoooplyMeetingType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BoooplyMeetingType left, BoooplyMeetingType right) => !left.Equals(right);

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static BoooplyMeetingType FromString(string? value) => value;

    /// <inheritdoc />
    static BoooplyMeetingType IWebhookStringEnum<BoooplyMeetingType>.Create(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyMeetingType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyMeetingType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
