namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>What Node computed for a payload: the signed compact text, both header encodings, and reformatted copies.</summary>
internal sealed record NodeSignature(byte[] Canonical, string Hex, string Base64Url, byte[] Pretty, byte[] PrettyTabs);
