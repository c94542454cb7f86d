namespace Classet.Boooply.Webhooks;

/// <summary>
/// Remembers which deliveries were processed so that a vendor's retry of an already-handled delivery is not handled
/// twice. The protocol is claim, then complete (processed) or release (processing failed, so that the vendor's next
/// retry is processed). Only the holder of a claim can complete or release it: <see cref="TryClaimAsync"/> hands out
/// an owner token with each claim, and <see cref="CompleteAsync"/> and <see cref="ReleaseAsync"/> act only when the
/// token still owns the key.
/// </summary>
/// <remarks>
/// <para>
/// Implementations must be thread-safe, and <see cref="TryClaimAsync"/> must be atomic: of two concurrent calls with
/// the same key, at most one gets <see cref="WebhookDeduplicationStatus.Claimed"/>. Each successful claim carries a new,
/// unique <see cref="WebhookDeduplicationClaim.OwnerToken"/>.
/// </para>
/// <para>
/// A shared store (a database, Redis) must let a claim whose owner died expire, or the delivery could never be
/// processed again; once it expired, another caller may claim the key with a new token, and the old token no longer
/// completes or releases anything. Choose the expiry longer than the longest a delivery's handlers may run: the
/// receivers hold a claim until the handlers have really stopped, even past <c>HandlerTimeout</c>. A SQL store can do
/// each step in one statement, for example: claim with
/// <c>INSERT … ON CONFLICT (key) DO UPDATE SET owner = @token, expires_at = @claimExpiry WHERE the row's claim or
/// retention has expired RETURNING …</c>; complete with <c>UPDATE … SET state = 'completed', expires_at = @retention
/// WHERE key = @key AND owner = @token AND state = 'claimed'</c>; release with <c>DELETE … WHERE key = @key AND owner =
/// @token AND state = 'claimed'</c>.
/// </para>
/// <para>
/// The built-in implementation is <see cref="InMemoryWebhookDeduplicationStore"/>; a shared store is needed when
/// several instances receive deliveries.
/// </para>
/// </remarks>
public interface IWebhookDeduplicationStore
{
    /// <summary>Tries to claim a delivery key for processing.</summary>
    /// <param name="deliveryKey">The delivery key (vendor-prefixed by the receivers, so both vendors can share a store).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>
    /// The claim: <see cref="WebhookDeduplicationStatus.Claimed"/> with a new owner token when the caller now owns the
    /// key and must process the delivery; otherwise why not (no token).
    /// </returns>
    ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed key as processed, so later deliveries with that key are reported as duplicates, if
    /// <paramref name="claim"/> still owns the key.
    /// </summary>
    /// <param name="claim">A claim returned by <see cref="TryClaimAsync"/> with <see cref="WebhookDeduplicationStatus.Claimed"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the key is now recorded as processed; <see langword="false"/> when the claim no longer
    /// owns it (it expired and was taken over, or was already completed or released), in which case nothing changed.
    /// </returns>
    ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up a claim after processing failed, so that the vendor's retry is processed, if <paramref name="claim"/>
    /// still owns the key. A processed key stays processed.
    /// </summary>
    /// <param name="claim">A claim returned by <see cref="TryClaimAsync"/> with <see cref="WebhookDeduplicationStatus.Claimed"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the claim was released; <see langword="false"/> when it no longer owned the key, in
    /// which case nothing changed.
    /// </returns>
    ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken);
}
