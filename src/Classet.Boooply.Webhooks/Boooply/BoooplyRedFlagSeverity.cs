using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Boooply's how serious a red flag is (<c>data.redFlags[].severity</c>), as an extensible enum: any string the vendor sends is kept, so a new value never breaks
/// deserialization. Compare with the static known values; check <see cref="IsKnown"/> to detect a new one.
/// </summary>
/// <remarks>
/// Equality ignores case (ordinal); <see cref="Value"/> and <see cref="ToString"/> keep the text exactly as sent.
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyRedFlagSeverity>))]
public readonly struct BoooplyRedFlagSeverity : IEquatable<BoooplyRedFlagSeverity>, IWebhookStringEnum<BoooplyRedFlagSeverity>
{
    private static readonly string[] KnownValues = ["CRITICAL", "WARNING"];

    private readonly string? _value;

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyRedFlagSeverity(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>CRITICAL</c>: a concern that should block the candidate until resolved.</summary>
    public static BoooplyRedFlagSeverity Critical { get; } = new("CRITICAL");

    /// <summary>Gets <c>WARNING</c>: a concern worth probing.</summary>
    public static BoooplyRedFlagSeverity Warning { get; } = new("WARNING");

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
    public static implicit operator BoooplyRedFlagSeverity(string? value) => value is null ? default : new BoooplyRedFlagSeverity(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BoooplyRedFlagSeverity left, BoooplyRedFlagSeverity right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BoooplyRedFlagSeverity left, BoooplyRedFlagSeverity right) => !left.Equals(right);

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static BoooplyRedFlagSeverity FromString(string? value) => value;

    /// <inheritdoc />
    static BoooplyRedFlagSeverity IWebhookStringEnum<BoooplyRedFlagSeverity>.Create(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyRedFlagSeverity other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyRedFlagSeverity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
