namespace Classet.Boooply.Webhooks.Internal.Signatures;

/// <summary>How a vendor writes the HMAC-SHA256 digest into its signature header.</summary>
internal enum SignatureEncoding
{
    /// <summary>Base64url without padding (Classet); padding is tolerated on input.</summary>
    Base64Url,

    /// <summary>Lowercase hex (Boooply); uppercase is tolerated on input.</summary>
    Hex,
}
