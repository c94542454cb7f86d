using System.Collections.Concurrent;

// Testing package README: fake begins
public sealed class RecordingAtsClient : IAtsClient
{
    public ConcurrentQueue<(string Candidate, string Stage, string DeliveryKey)> Moves { get; } = new();

    public Task MoveAsync(string candidate, string stage, string deliveryKey, CancellationToken cancellationToken)
    {
        Moves.Enqueue((candidate, stage, deliveryKey));
        return Task.CompletedTask;
    }
}
// Testing package README: fake ends
