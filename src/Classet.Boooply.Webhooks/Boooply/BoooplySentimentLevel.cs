using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Boooply's a graded sentiment level, used for enthusiasm and stress level in <c>data.sentimentAnalysis</c>, as an extensible enum: any string the vendor sends is kept, so a new value never breaks
/// deserialization. Compare with the static known values; check <see cref="IsKnown"/> to detect a new one.
/// </summary>
/// <remarks>
/// Equality ignores case (ordinal); <see cref="Value"/> and <see cref="ToString"/> keep the text exactly as sent.
/// <para>Boooply shows <c>HIGH</c> and <c>LOW</c>; <c>MEDIUM</c> is the natural middle.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplySentimentLevel>))]
public readonly struct BoooplySentimentLevel : IEquatable<BoooplySentimentLevel>, IWebhookStringEnum<BoooplySentimentLevel>
{
    private static readonly string[] KnownValues = ["HIGH", "MEDIUM", "LOW"];

    private readonly string? _value;

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplySentimentLevel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>HIGH</c>: high.</summary>
    public static BoooplySentimentLevel High { get; } = new("HIGH");

    /// <summary>Gets <c>MEDIUM</c>: medium.</summary>
    public static BoooplySentimentLevel Medium { get; } = new("MEDIUM");

    /// <summary>Gets <c>LOW</c>: low.</summary>
    public static BoooplySentimentLevel Low { get; } = new("LOW");

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
    public static implicit operator BoooplySentimentLevel(string? value) => value is null ? default : new BoooplySentimentLevel(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(BoooplySentimentLevel left, BoooplySentimentLevel right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BoooplySentimentLevel left, BoooplySentimentLevel right) => !left.Equals(right);

    /// <summary>Wraps a string; a null string becomes <see langword="default"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static BoooplySentimentLevel FromString(string? value) => value;

    /// <inheritdoc />
    static BoooplySentimentLevel IWebhookStringEnum<BoooplySentimentLevel>.Create(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplySentimentLevel other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplySentimentLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
