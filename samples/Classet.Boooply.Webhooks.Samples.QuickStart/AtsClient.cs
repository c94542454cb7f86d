using System.Collections.Concurrent;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>Stands for the application's own service that the handlers update.</summary>
public sealed class AtsClient
{
    private readonly ConcurrentDictionary<string, string> _recommendations = new(StringComparer.Ordinal);

    /// <summary>Gets the recommendations recorded so far, by idempotency key.</summary>
    public IReadOnlyDictionary<string, string> Recommendations => _recommendations;

    /// <summary>Records a recommendation for a candidate; repeating it with the same key changes nothing.</summary>
    /// <param name="organizationId">The customer the interview belongs to (Boooply's <c>sourceId</c>).</param>
    /// <param name="candidate">The candidate's name.</param>
    /// <param name="recommendation">The recommendation.</param>
    /// <param name="idempotencyKey">A key that makes the update safe to repeat.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when the update is stored.</returns>
    public Task RecordRecommendationAsync(string? organizationId, string? candidate, string recommendation, string idempotencyKey, CancellationToken cancellationToken)
    {
        _recommendations.TryAdd(idempotencyKey, $"{organizationId}/{candidate}: {recommendation}");
        return Task.CompletedTask;
    }
}
