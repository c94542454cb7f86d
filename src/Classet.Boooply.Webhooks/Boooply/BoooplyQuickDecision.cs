using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Boooply's the recruiter summary's quick decision (<c>data.recruiterSummary.quickDecision</c>), as an extensible enum: any string the vendor sends is kept, so a new value never breaks
/// deserialization. Compare with the static known values; check <see cref="IsKnown"/> to detect a new one.
/// </summary>
/// <remarks>
/// Equality ignores case (ordinal); <see cref="Value"/> and <see cref="ToString"/> keep the text exactly as sent.
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyQuickDecision>))]
public readonly struct BoooplyQuickDecision : IEquatable<BoooplyQuickDecision>, IWebhookStringEnum<BoooplyQuickDecision>
{
    private static readonly string[] KnownValues = ["ADVANCE", "HOLD", "REJECT"];

    private readonly string? _value;

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyQuickDecision(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>ADVANCE</c>: move the candidate to the next stage.</summary>
    public static BoooplyQuickDecision Advance { get; } = new("ADVANCE");

    /// <summary>Gets <c>HOLD</c>: keep the candidate on hold.</summary>
    public static BoooplyQuickDecision Hold { get; } = new("HOLD");

    /// <summary>Gets <c>REJECT</c>: reject the candidate.</summary>
    public static BoooplyQuickDecision Reject { get; } = new("REJECT");

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
    public static implicit operator BoooplyQuickDecision(string? value) => value is null ? default : new BoooplyQuickDecision(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BoooplyQuickDecision left, BoooplyQuickDecision right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BoooplyQuickDecision left, BoooplyQuickDecision right) => !left.Equals(right);

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static BoooplyQuickDecision FromString(string? value) => value;

    /// <inheritdoc />
    static BoooplyQuickDecision IWebhookStringEnum<BoooplyQuickDecision>.Create(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyQuickDecision other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyQuickDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
