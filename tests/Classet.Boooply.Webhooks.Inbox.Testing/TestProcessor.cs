using System.Collections.Concurrent;
using Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>
/// A vendor's processor whose behaviour each test chooses: it records every call (entry, attempt, clock time), how many
/// run at once, and the dead-letter callbacks, then runs the test's handler.
/// </summary>
internal sealed class TestProcessor : IWebhookInboxProcessor
{
    private readonly TimeProvider _time;
    private readonly Func<WebhookInboxEntry, int, CancellationToken, Task> _handler;
    private int _running;
    private int _maxRunning;

    public TestProcessor(TimeProvider time, Func<WebhookInboxEntry, int, CancellationToken, Task>? handler = null, string vendor = WebhookVendorNames.Boooply)
    {
        _time = time;
        _handler = handler ?? ((_, _, _) => Task.CompletedTask);
        Vendor = vendor;
    }

    public string Vendor { get; }

    public ConcurrentQueue<ProcessorCall> Calls { get; } = new();

    /// <summary>Successful runs per delivery key.</summary>
    public ConcurrentDictionary<string, int> Completed { get; } = new();

    public ConcurrentQueue<(long EntryId, string Error)> DeadLetters { get; } = new();

    /// <summary>Deliveries whose body is this text fail permanently (as an unparseable body would).</summary>
    public string? UnparseableBody { get; set; }

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Running => Volatile.Read(ref _running);

    public async Task<WebhookInboxProcessResult> ProcessAsync(WebhookInboxEntry entry, int attempt, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new ProcessorCall(entry.Id, entry.DeliveryKey, attempt, _time.GetUtcNow()));
        var running = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _maxRunning)) < running && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
        {
        }

        try
        {
            if (UnparseableBody is { } unparseable && InboxDeliveries.BodyOf(entry) == unparseable)
            {
                return WebhookInboxProcessResult.PermanentFailure("WebhookPayloadException: not JSON at $");
            }

            await _handler(entry, attempt, cancellationToken);
            Completed.AddOrUpdate(entry.DeliveryKey, 1, static (_, count) => count + 1);
            return WebhookInboxProcessResult.Completed;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task OnFailedAsync(WebhookInboxEntry entry, string error, CancellationToken cancellationToken)
    {
        DeadLetters.Enqueue((entry.Id, error));
        return Task.CompletedTask;
    }

    public int AttemptsOf(string deliveryKey) => Calls.Count(call => call.DeliveryKey == deliveryKey);
}
