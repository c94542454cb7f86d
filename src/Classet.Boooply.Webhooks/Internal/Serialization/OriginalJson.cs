namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// The body an event was read from, kept so that serializing the event writes every unchanged value exactly as the
/// vendor spelled it. It is never part of a record's value: any two instances are equal, so records that hold the same
/// values are equal whatever their wire spelling.
/// </summary>
internal readonly struct OriginalJson : IEquatable<OriginalJson>
{
    public OriginalJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>Gets the body's bytes (an owned copy), or empty for a record built in code.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    public bool Equals(OriginalJson other) => true;

    public override bool Equals(object? obj) => obj is OriginalJson;

    public override int GetHashCode() => 0;
}
