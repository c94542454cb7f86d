namespace Classet.Boooply.Webhooks;

/// <summary>
/// Remembers which deliveries were processed so that a vendor's retry of an already-handled delivery is not handled
/// twice. The protocol is claim → complete, or claim → release when processing fails so that the vendor's next retry
/// is processed.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe, and <see cref="TryClaimAsync"/> must be atomic: of two concurrent calls with the
/// same key, at most one gets <see cref="WebhookDeduplicationStatus.Claimed"/>. A claim that is never completed or
/// released (the process died) should expire, or the delivery could never be processed again.
/// The built-in implementation is <see cref="InMemoryWebhookDeduplicationStore"/>; a shared store (a database, Redis)
/// is needed when several instances receive deliveries.
/// </remarks>
public interface IWebhookDeduplicationStore
{
    /// <summary>Tries to claim a delivery key for processing.</summary>
    /// <param name="deliveryKey">The delivery key (vendor-prefixed by the hosts, so both vendors can share a store).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>Whether the caller now owns the key, or why not.</returns>
    ValueTask<WebhookDeduplicationStatus> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken);

    /// <summary>Marks a claimed key as processed, so later deliveries with that key are reported as duplicates.</summary>
    /// <param name="deliveryKey">A key this caller claimed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is recorded.</returns>
    ValueTask CompleteAsync(string deliveryKey, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after processing failed, so that the vendor's retry is processed.</summary>
    /// <param name="deliveryKey">A key this caller claimed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string deliveryKey, CancellationToken cancellationToken);
}
