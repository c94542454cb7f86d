namespace Classet.Boooply.Webhooks;

/// <summary>
/// Proof that a dispatcher claimed an inbox entry: the entry's id and the token of that one claim. A store accepts a
/// completion, a reschedule, a release, a failure or a renewal only when the token is still the entry's current one, so a
/// worker whose lease was taken over (it stalled past <c>LeaseDuration</c>) cannot overwrite the new owner's work.
/// </summary>
/// <param name="EntryId">The id of the claimed entry.</param>
/// <param name="Token">A value unique to this claim (a fencing token); a new claim of the same entry gets a new one.</param>
public readonly record struct WebhookInboxLease(long EntryId, Guid Token);
