using System.Collections.Concurrent;
using System.Net;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// Receiver processes behind a pretend load balancer: signed Boooply deliveries are posted over real HTTP to the instance
/// asked for, or to the next one that is alive when that one has been killed (as a balancer would, after its health check).
/// Every answer is recorded with the wall-clock times the handler log uses.
/// </summary>
internal sealed class ReceiverCluster : IAsyncDisposable
{
    public const string Secret = "whsec_multi-instance-test-secret";

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(60) };

    private ReceiverCluster(IReadOnlyList<InstanceProcess> instances) => Instances = instances;

    public IReadOnlyList<InstanceProcess> Instances { get; }

    public ConcurrentQueue<Answer> Answers { get; } = new();

    /// <summary>Starts <paramref name="count"/> receivers at once on the same (possibly empty) schema: all must come up.</summary>
    public static async Task<ReceiverCluster> StartAsync(int count, string connectionString, string schema, string directory, double leaseSeconds, int maxConcurrency, int handlerMilliseconds)
    {
        var starting = Enumerable.Range(0, count)
            .Select(i => InstanceProcess.StartReceiverAsync(connectionString, schema, Path.Combine(directory, $"receiver{i}.log"), leaseSeconds, maxConcurrency, handlerMilliseconds, Secret))
            .ToList();
        try
        {
            return new ReceiverCluster(await Task.WhenAll(starting));
        }
        catch
        {
            foreach (var task in starting.Where(task => task.IsCompletedSuccessfully))
            {
                (await task).Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// The delivery for meeting <paramref name="index"/> (its own delivery key), and that key. One in fifty is a slow one
    /// (key "slow-…"): the receivers' handler takes two seconds over it.
    /// </summary>
    public static (BoooplyTestDelivery Delivery, string Key) Delivery(int index)
    {
        var evaluation = BoooplyTestEvents.Evaluation(data => data with { MeetingCode = (index % 50 == 25 ? "slow-meeting-" : "meeting-") + index });
        return (BoooplyTestDeliveries.Create(evaluation, Secret), WebhookTestContexts.For(evaluation).DeliveryKey);
    }

    /// <summary>
    /// Posts the delivery to instance <paramref name="preferred"/>, or to the next live instance other than
    /// <paramref name="avoid"/>; a request that fails because its instance was killed goes to another one (it was not
    /// acknowledged). Returns the answer.
    /// </summary>
    public async Task<Answer> SendAsync(int index, BoooplyTestDelivery delivery, string key, int preferred, int? avoid = null, bool duplicate = false)
    {
        for (var turn = 0; ; turn++)
        {
            var target = Enumerable.Range(0, Instances.Count).Select(offset => (preferred + turn + offset) % Instances.Count)
                .First(i => !Instances[i].Killed && (i != avoid || Instances.Count(instance => !instance.Killed) == 1));
            var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            try
            {
                using var request = delivery.ToHttpRequestMessage(new Uri(Instances[target].BaseAddress!, "/webhooks/boooply"));
                using var response = await _client.SendAsync(request);
                var answer = new Answer(index, key, target, (int)response.StatusCode, started, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), duplicate);
                Answers.Enqueue(answer);
                return answer;
            }
            catch (HttpRequestException) when (Instances[target].Killed)
            {
                // The instance died under the request: nothing was acknowledged, so it goes to another instance.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.StopAsync();
            instance.Dispose();
        }

        _client.Dispose();
    }

    /// <summary>One answer: the delivery, the instance that answered, the status, and when the request started and ended (unix ms).</summary>
    public sealed record Answer(int Index, string Key, int Instance, int Status, long StartedAt, long EndedAt, bool Duplicate)
    {
        public bool Acknowledged => Status == (int)HttpStatusCode.OK;
    }
}
