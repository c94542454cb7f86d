using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A graded level in <c>data.sentimentAnalysis</c> (<c>enthusiasm</c>, <c>stressLevel</c>).</summary>
/// <remarks>
/// <para>Boooply's example shows <c>HIGH</c> (enthusiasm) and <c>LOW</c> (stress level); its page lists no other value. A middle level (a <c>MEDIUM</c>, say) is likely but undocumented, so it arrives with <see cref="IsKnown"/> <see langword="false"/>.</para>
/// <para>An extensible enum: any string Boooply sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Boooply's page shows. Comparison is ordinal and case-sensitive, because Boooply sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplySentimentLevel>))]
public readonly struct BoooplySentimentLevel : IEquatable<BoooplySentimentLevel>, IWebhookStringEnum<BoooplySentimentLevel>
{
    private const string HighValue = "HIGH";
    private const string LowValue = "LOW";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Boooply adds later are kept.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplySentimentLevel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>HIGH</c>: the value Boooply's example shows for enthusiasm.</summary>
    public static BoooplySentimentLevel High { get; } = new(HighValue);

    /// <summary>Gets <c>LOW</c>: the value Boooply's example shows for stress level.</summary>
    public static BoooplySentimentLevel Low { get; } = new(LowValue);

    /// <summary>Gets the value exactly as Boooply sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Boooply's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is HighValue or LowValue;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(BoooplySentimentLevel left, BoooplySentimentLevel right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(BoooplySentimentLevel left, BoooplySentimentLevel right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator BoooplySentimentLevel(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static BoooplySentimentLevel FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplySentimentLevel other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplySentimentLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static BoooplySentimentLevel IWebhookStringEnum<BoooplySentimentLevel>.Create(string value) => new(value);
}
