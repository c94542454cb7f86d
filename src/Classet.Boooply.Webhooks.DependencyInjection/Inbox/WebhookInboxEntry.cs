using System.Collections.ObjectModel;

namespace Classet.Boooply.Webhooks;

/// <summary>An entry of the durable webhook inbox: a stored delivery and where it is in its life.</summary>
/// <remarks>
/// Stores create entries; applications read them through <see cref="IWebhookInbox"/>. Times are those the app's
/// <see cref="TimeProvider"/> gave when the entry changed. <see cref="ToString"/> never shows the body or header values.
/// </remarks>
public sealed record WebhookInboxEntry
{
    /// <summary>An empty, read-only header dictionary.</summary>
    internal static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Gets the entry's id, unique in its store and never reused (ids grow, so they page in order).</summary>
    public required long Id { get; init; }

    /// <summary>Gets the vendor that sent the delivery (see <see cref="WebhookVendorNames"/>).</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the delivery's idempotency key, unique per vendor in the store.</summary>
    public required string DeliveryKey { get; init; }

    /// <summary>Gets the event type as the vendor named it; empty when the payload carried none or did not parse.</summary>
    public string EventType { get; init; } = string.Empty;

    /// <summary>Gets the signed body bytes, exactly as verified.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the vendor headers kept for the handlers (compared case-insensitively); never credentials.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;

    /// <summary>Gets how the delivery was authenticated.</summary>
    public WebhookVerificationMethod VerificationMethod { get; init; }

    /// <summary>Gets when the delivery was received.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets where the entry is in its life.</summary>
    public WebhookInboxState State { get; init; }

    /// <summary>
    /// Gets how many attempts were started: a claim counts one, so an attempt whose process died counts too. A replay sets
    /// it back to 0.
    /// </summary>
    public int Attempts { get; init; }

    /// <summary>Gets when a <see cref="WebhookInboxState.Pending"/> entry is due; <see langword="null"/> in the other states.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Gets which dispatcher holds the lease of a <see cref="WebhookInboxState.Processing"/> entry (host, process and instance).</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>
    /// Gets when the lease of a <see cref="WebhookInboxState.Processing"/> entry expires. A running dispatcher renews it while
    /// the handlers run; once it has passed, any dispatcher may claim the entry again.
    /// </summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>
    /// Gets the lease to complete, reschedule, release, fail or renew the entry with. Set only on entries returned by
    /// <see cref="IWebhookInboxStore.ClaimAsync"/>.
    /// </summary>
    public WebhookInboxLease? Lease { get; init; }

    /// <summary>Gets the error of the last failed attempt, or the parse error of a dead letter; <see langword="null"/> if none.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets when the entry was completed, for a <see cref="WebhookInboxState.Completed"/> entry.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when the entry was given up on, for a <see cref="WebhookInboxState.Failed"/> entry.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"WebhookInboxEntry {{ Id = {Id}, Vendor = {Vendor}, EventType = {EventType}, State = {State}, Attempts = {Attempts}, Body = {Body.Length} bytes }}";
}
