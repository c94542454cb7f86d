namespace Classet.Boooply.Webhooks;

/// <summary>
/// The inbox store could not do what was asked: it is unreachable, locked past its bound, read-only, full, missing, or its
/// schema is newer than this version understands. With the inbox on, the endpoint answers 503 for a delivery whose
/// enqueue threw this, so the vendor retries; the dispatcher logs it and tries again later.
/// </summary>
/// <remarks>The message says what failed and never quotes a body, a header value or a secret. <see cref="Exception.InnerException"/> has the database's own error.</remarks>
public sealed class WebhookInboxStoreException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public WebhookInboxStoreException()
        : base("The webhook inbox store is unavailable.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    public WebhookInboxStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The database's own error.</param>
    public WebhookInboxStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
