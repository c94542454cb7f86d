namespace Classet.Boooply.Webhooks;

/// <summary>
/// The result of <see cref="IWebhookDeduplicationStore.TryClaimAsync"/>: whether the caller now owns a delivery key
/// and, when it does, the owner token that completes or releases the claim. A small value type.
/// </summary>
/// <remarks><see cref="ToString"/> shows the status and the key, never the owner token.</remarks>
public readonly struct WebhookDeduplicationClaim : IEquatable<WebhookDeduplicationClaim>
{
    private readonly string? _deliveryKey;

    private WebhookDeduplicationClaim(WebhookDeduplicationStatus status, string deliveryKey, Guid ownerToken)
    {
        Status = status;
        _deliveryKey = deliveryKey;
        OwnerToken = ownerToken;
    }

    /// <summary>
    /// Gets whether the caller now owns the key and must process the delivery (a default instance owns nothing).
    /// </summary>
    public bool IsClaimed => Status == WebhookDeduplicationStatus.Claimed && OwnerToken != Guid.Empty;

    /// <summary>Gets the outcome of the claim.</summary>
    public WebhookDeduplicationStatus Status { get; }

    /// <summary>Gets the delivery key the claim is about (empty only for a default instance).</summary>
    public string DeliveryKey => _deliveryKey ?? string.Empty;

    /// <summary>
    /// Gets the token that identifies the owner of a successful claim (unique per claim); <see cref="Guid.Empty"/> when
    /// the key was not claimed. Stores compare it to act only for the owner.
    /// </summary>
    public Guid OwnerToken { get; }

    /// <summary>Creates a successful claim.</summary>
    /// <param name="deliveryKey">The key claimed.</param>
    /// <param name="ownerToken">The new owner's token; must not be <see cref="Guid.Empty"/>.</param>
    /// <returns>A claim with <see cref="WebhookDeduplicationStatus.Claimed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="ownerToken"/> is <see cref="Guid.Empty"/>.</exception>
    public static WebhookDeduplicationClaim Claimed(string deliveryKey, Guid ownerToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        if (ownerToken == Guid.Empty)
        {
            throw new ArgumentException("A claim needs a non-empty owner token.", nameof(ownerToken));
        }

        return new(WebhookDeduplicationStatus.Claimed, deliveryKey, ownerToken);
    }

    /// <summary>Creates the answer for a key that was already processed successfully.</summary>
    /// <param name="deliveryKey">The key asked for.</param>
    /// <returns>A claim with <see cref="WebhookDeduplicationStatus.AlreadyProcessed"/> and no owner token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    public static WebhookDeduplicationClaim AlreadyProcessed(string deliveryKey)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        return new(WebhookDeduplicationStatus.AlreadyProcessed, deliveryKey, Guid.Empty);
    }

    /// <summary>Creates the answer for a key that another caller holds right now.</summary>
    /// <param name="deliveryKey">The key asked for.</param>
    /// <returns>A claim with <see cref="WebhookDeduplicationStatus.InProgress"/> and no owner token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deliveryKey"/> is <see langword="null"/>.</exception>
    public static WebhookDeduplicationClaim InProgress(string deliveryKey)
    {
        ArgumentNullException.ThrowIfNull(deliveryKey);
        return new(WebhookDeduplicationStatus.InProgress, deliveryKey, Guid.Empty);
    }

    /// <summary>Compares two claims by status, key and owner token.</summary>
    /// <param name="left">The first claim.</param>
    /// <param name="right">The second claim.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WebhookDeduplicationClaim left, WebhookDeduplicationClaim right) => left.Equals(right);

    /// <summary>Compares two claims by status, key and owner token.</summary>
    /// <param name="left">The first claim.</param>
    /// <param name="right">The second claim.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WebhookDeduplicationClaim left, WebhookDeduplicationClaim right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(WebhookDeduplicationClaim other) =>
        Status == other.Status && OwnerToken == other.OwnerToken && string.Equals(_deliveryKey, other._deliveryKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookDeduplicationClaim other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, OwnerToken, StringComparer.Ordinal.GetHashCode(DeliveryKey));

    /// <inheritdoc />
    public override string ToString() => $"WebhookDeduplicationClaim {{ Status = {Status}, DeliveryKey = {DeliveryKey} }}";
}
