namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>An open-ended vendor string wrapped in a value type ("extensible enum").</summary>
internal interface IWebhookStringEnum<TSelf>
    where TSelf : struct, IWebhookStringEnum<TSelf>
{
    /// <summary>Gets the value exactly as the vendor sent it.</summary>
    string Value { get; }

    /// <summary>Wraps a value without validating it: unknown values are kept, never rejected.</summary>
    static abstract TSelf Create(string value);
}
