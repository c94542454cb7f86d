namespace Classet.Boooply.Webhooks;

/// <summary>How many entries of the durable webhook inbox are in each <see cref="WebhookInboxState"/>.</summary>
/// <param name="Pending">Entries waiting for their first or next attempt.</param>
/// <param name="Processing">Entries a dispatcher holds a lease on (including leases that expired and are about to be taken over).</param>
/// <param name="Completed">Handled entries not yet purged (see <c>RetainCompletedFor</c>).</param>
/// <param name="Failed">Entries given up on, waiting for an operator to replay them.</param>
public readonly record struct WebhookInboxStatistics(long Pending, long Processing, long Completed, long Failed)
{
    /// <summary>Gets the number of entries in every state together.</summary>
    public long Total => Pending + Processing + Completed + Failed;
}
