using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Boooply's Boooply's hiring recommendation (<c>data.recommendation</c>), as an extensible enum: any string the vendor sends is kept, so a new value never breaks
/// deserialization. Compare with the static known values; check <see cref="IsKnown"/> to detect a new one.
/// </summary>
/// <remarks>
/// Equality ignores case (ordinal); <see cref="Value"/> and <see cref="ToString"/> keep the text exactly as sent.
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyRecommendation>))]
public readonly struct BoooplyRecommendation : IEquatable<BoooplyRecommendation>, IWebhookStringEnum<BoooplyRecommendation>
{
    private static readonly string[] KnownValues = ["STRONG_PASS", "PASS", "REVIEW", "FAIL", "STRONG_FAIL"];

    private readonly string? _value;

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyRecommendation(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>STRONG_PASS</c>: strongly recommends advancing the candidate.</summary>
    public static BoooplyRecommendation StrongPass { get; } = new("STRONG_PASS");

    /// <summary>Gets <c>PASS</c>: recommends advancing the candidate.</summary>
    public static BoooplyRecommendation Pass { get; } = new("PASS");

    /// <summary>Gets <c>REVIEW</c>: a person should review before deciding.</summary>
    public static BoooplyRecommendation Review { get; } = new("REVIEW");

    /// <summary>Gets <c>FAIL</c>: recommends not advancing the candidate.</summary>
    public static BoooplyRecommendation Fail { get; } = new("FAIL");

    /// <summary>Gets <c>STRONG_FAIL</c>: strongly recommends not advancing the candidate.</summary>
    public static BoooplyRecommendation StrongFail { get; } = new("STRONG_FAIL");

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
    public static implicit operator BoooplyRecommendation(string? value) => value is null ? default : new BoooplyRecommendation(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BoooplyRecommendation left, BoooplyRecommendation right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BoooplyRecommendation left, BoooplyRecommendation right) => !left.Equals(right);

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static BoooplyRecommendation FromString(string? value) => value;

    /// <inheritdoc />
    static BoooplyRecommendation IWebhookStringEnum<BoooplyRecommendation>.Create(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyRecommendation other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyRecommendation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
