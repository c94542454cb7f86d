using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The file format of an interview recording (<c>data.format</c>).</summary>
/// <remarks>
/// <para>Boooply documents the format as a string "e.g., mp4"; <c>mp4</c> is the only value it names.</para>
/// <para>An extensible enum: any string Boooply sends is kept as sent, never rejected, and written back unchanged; <see cref="IsKnown"/> is <see langword="true"/> exactly for the values Boooply's page shows. Comparison is ordinal and case-sensitive, because Boooply sends one spelling of each value and a different spelling is a different value. <see langword="default"/> wraps the empty string.</para>
/// </remarks>
[JsonConverter(typeof(WebhookStringEnumConverter<BoooplyRecordingFormat>))]
public readonly struct BoooplyRecordingFormat : IEquatable<BoooplyRecordingFormat>, IWebhookStringEnum<BoooplyRecordingFormat>
{
    private const string Mp4Value = "mp4";

    private readonly string? _value;

    /// <summary>Wraps a value. Any string is accepted, so values Boooply adds later are kept.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BoooplyRecordingFormat(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>mp4</c>: an MP4 file (the value Boooply names).</summary>
    public static BoooplyRecordingFormat Mp4 { get; } = new(Mp4Value);

    /// <summary>Gets the value exactly as Boooply sent it (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is one of the values Boooply's page shows (compared ordinally).</summary>
    public bool IsKnown => Value is Mp4Value;

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both wrap the same string.</returns>
    public static bool operator ==(BoooplyRecordingFormat left, BoooplyRecordingFormat right) => left.Equals(right);

    /// <summary>Compares two values ordinally (case-sensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they wrap different strings.</returns>
    public static bool operator !=(BoooplyRecordingFormat left, BoooplyRecordingFormat right) => !left.Equals(right);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator BoooplyRecordingFormat(string value) => new(value);

    /// <summary>Wraps a string (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The value exactly as Boooply sends it.</param>
    /// <returns>The wrapped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static BoooplyRecordingFormat FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BoooplyRecordingFormat other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BoooplyRecordingFormat other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the value exactly as Boooply sent it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    static BoooplyRecordingFormat IWebhookStringEnum<BoooplyRecordingFormat>.Create(string value) => new(value);
}
