using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The hiring recommendation of an evaluation (<c>data.recommendation</c>).</summary>
/// <remarks>
/// <para>Boooply documents <c>STRONG_PASS</c>, <c>PASS</c>, <c>REVIEW</c>, <c>FAIL</c> and <c>STRONG_FAIL</c>, without describing them.</para>
/// <para>An extensible enum: any string Boooply sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Boooply's page shows. Comparison is ordinal and case-sensitive, because Boooply sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyRecommendation>))]
public readonly struct BoooplyRecommendation : IEquatable<BoooplyRecommendation>, IWebhookStringEnum<BoooplyRecommendation>
{
    private const string StrongPassValue = "STRONG_PASS";
    private const string PassValue = "PASS";
    private const string ReviewValue = "REVIEW";
    private const string FailValue = "FAIL";
    private const string StrongFailValue = "STRONG_FAIL";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Boooply adds later are kept.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyRecommendation(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>STRONG_PASS</c>.</summary>
    public static BoooplyRecommendation StrongPass { get; } = new(StrongPassValue);

    /// <summary>Gets <c>PASS</c>.</summary>
    public static BoooplyRecommendation Pass { get; } = new(PassValue);

    /// <summary>Gets <c>REVIEW</c>.</summary>
    public static BoooplyRecommendation Review { get; } = new(ReviewValue);

    /// <summary>Gets <c>FAIL</c>.</summary>
    public static BoooplyRecommendation Fail { get; } = new(FailValue);

    /// <summary>Gets <c>STRONG_FAIL</c>.</summary>
    public static BoooplyRecommendation StrongFail { get; } = new(StrongFailValue);

    /// <summary>Gets the value exactly as Boooply sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Boooply's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is StrongPassValue or PassValue or ReviewValue or FailValue or StrongFailValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(BoooplyRecommendation left, BoooplyRecommendation right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(BoooplyRecommendation left, BoooplyRecommendation right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator BoooplyRecommendation(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static BoooplyRecommendation FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyRecommendation other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyRecommendation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static BoooplyRecommendation IWebhookStringEnum<BoooplyRecommendation>.Create(string value) => new(value);
}
