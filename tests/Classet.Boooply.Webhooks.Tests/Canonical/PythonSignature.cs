namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>What Boooply's Python sample signs for a payload, and the hex signature.</summary>
internal sealed record PythonSignature(byte[] Canonical, string Hex);
