namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>What <see cref="IWebhookInboxProcessor.ProcessAsync"/> reports when it did not throw.</summary>
internal readonly struct WebhookInboxProcessResult
{
    private WebhookInboxProcessResult(string? permanentError)
    {
        PermanentError = permanentError;
    }

    /// <summary>Gets the result of handlers that all succeeded.</summary>
    public static WebhookInboxProcessResult Completed => default;

    /// <summary>Gets why the entry can never succeed (its body does not parse), or <see langword="null"/> when it completed.</summary>
    public string? PermanentError { get; }

    /// <summary>Gets whether the handlers all succeeded.</summary>
    public bool IsCompleted => PermanentError is null;

    /// <summary>A failure no retry can fix: the entry is marked Failed at once, and the dead-letter callback runs.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static WebhookInboxProcessResult PermanentFailure(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(error);
    }
}
