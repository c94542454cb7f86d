using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// A health check for the durable webhook inbox: Healthy while pending entries are picked up in time, Degraded when the
/// oldest pending entry was received longer ago than <see cref="WebhookInboxOptions.HealthDegradedAfter"/> (handlers keep
/// failing, or the dispatcher cannot keep up), Unhealthy when the store cannot be read.
/// </summary>
/// <remarks>
/// <c>AddWebhookInbox</c> registers it as a service; add it to the app's health checks by type:
/// <code>
/// builder.Services.AddHealthChecks().AddCheck&lt;WebhookInboxHealthCheck&gt;("webhook-inbox");
/// app.MapHealthChecks("/healthz");
/// </code>
/// The report's data carries <c>pending</c> (entries waiting) and <c>oldest_pending_age_seconds</c>.
/// </remarks>
public sealed class WebhookInboxHealthCheck : IHealthCheck
{
    private readonly IWebhookInboxStore _store;
    private readonly IOptionsMonitor<WebhookInboxOptions> _options;
    private readonly TimeProvider _time;

    internal WebhookInboxHealthCheck(IWebhookInboxStore store, IOptionsMonitor<WebhookInboxOptions> options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
    }

    /// <summary>Reads the pending entries' summary from the store and judges it.</summary>
    /// <param name="context">The health check context.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Healthy, Degraded or Unhealthy as described on the type; never throws for a store failure.</returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<WebhookInboxBacklog> backlog;
        try
        {
            backlog = await _store.GetBacklogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "The webhook inbox store cannot be read.", exception);
        }

        long pending = 0;
        DateTimeOffset? oldest = null;
        foreach (var group in backlog)
        {
            pending += group.Pending;
            if (oldest is null || group.OldestReceivedAt < oldest)
            {
                oldest = group.OldestReceivedAt;
            }
        }

        var age = oldest is { } received ? _time.GetUtcNow() - received : TimeSpan.Zero;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var data = new Dictionary<string, object>
        {
            ["pending"] = pending,
            ["oldest_pending_age_seconds"] = Math.Round(age.TotalSeconds, 3),
        };
        var threshold = _options.CurrentValue.HealthDegradedAfter;
        return age > threshold
            ? HealthCheckResult.Degraded($"The oldest pending webhook inbox entry was received {age} ago (more than {threshold}).", data: data)
            : HealthCheckResult.Healthy($"{pending} webhook inbox entr(y/ies) pending.", data);
    }
}
