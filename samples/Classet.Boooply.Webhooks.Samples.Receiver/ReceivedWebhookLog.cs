namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>
/// Keeps what the handlers saw, in order, so that the demo (or a test) can show and check it. A real application
/// would write to its database here instead.
/// </summary>
public sealed class ReceivedWebhookLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _entries = [];

    /// <summary>Gets how many deliveries reached a handler so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Records a delivery.</summary>
    /// <param name="entry">What the handler saw.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public void Add(ReceivedWebhook entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>Returns the entries recorded from a position on.</summary>
    /// <param name="start">The zero-based position of the first entry to return.</param>
    /// <returns>A copy of the entries.</returns>
    public IReadOnlyList<ReceivedWebhook> GetEntries(int start = 0)
    {
        lock (_gate)
        {
            return start >= _entries.Count ? [] : _entries[start..];
        }
    }
}
