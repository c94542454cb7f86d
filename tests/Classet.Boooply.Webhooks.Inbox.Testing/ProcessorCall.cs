namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>One call of a <see cref="TestProcessor"/>: which entry, which attempt, when (by the app's clock).</summary>
public sealed record ProcessorCall(long EntryId, string DeliveryKey, int Attempt, DateTimeOffset At);
