namespace Classet.Boooply.Webhooks.Testing;

/// <summary>How a malformed test body is broken. Every kind fails the vendor's deserializer, so a correctly signed
/// delivery of it is answered 400 and dead-lettered by the endpoint.</summary>
public enum WebhookTestMalformation
{
    /// <summary>Not JSON: a trailing comma before the closing brace.</summary>
    TrailingComma = 0,

    /// <summary>Not JSON: the body cut in the middle, as a proxy with a size limit might leave it.</summary>
    Truncated = 1,

    /// <summary>Valid JSON of the wrong shape: a documented field with a value of the wrong type.</summary>
    WrongType = 2,

    /// <summary>Valid JSON of the wrong shape: a field the vendor always sends is missing.</summary>
    MissingRequiredField = 3,
}
