namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>How the body sent relates to the body the vendor signed.</summary>
internal enum TestBodyFormat
{
    /// <summary>Sent as signed: what the vendors do.</summary>
    AsSigned,

    /// <summary>Re-serialized with indentation after signing (<c>JSON.stringify(obj, null, 2)</c>).</summary>
    Indented,

    /// <summary>Re-serialized by Python after signing (<c>json.dumps(obj, separators=(',', ':'))</c>).</summary>
    Python,
}
