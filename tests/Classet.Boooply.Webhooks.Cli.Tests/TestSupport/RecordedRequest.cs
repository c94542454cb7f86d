namespace Classet.Boooply.Webhooks.Cli.Tests.TestSupport;

/// <summary>One request as the endpoint received it: the exact body bytes and the headers.</summary>
internal sealed record RecordedRequest(byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);
