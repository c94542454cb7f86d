namespace Classet.Boooply.Webhooks;

/// <summary>
/// Implemented by an <see cref="IWebhookInboxStore"/> that hears when work arrives from elsewhere: another instance stored,
/// released or replayed an entry (PostgreSQL's <c>LISTEN</c>/<c>NOTIFY</c>, for example). The dispatcher subscribes while
/// it runs and claims at once instead of waiting for its next poll; deliveries stored by this process wake it without this.
/// </summary>
public interface IWebhookInboxWakeUpSource
{
    /// <summary>
    /// Raised when entries may have become due. It carries no promise (a claim may find nothing, and polling stays the
    /// fallback), so a store may raise it spuriously, for instance after reconnecting. Handlers must return quickly.
    /// </summary>
    event EventHandler? WorkAvailable;
}
