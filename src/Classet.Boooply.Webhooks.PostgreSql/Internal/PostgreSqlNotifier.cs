using System.Diagnostics;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// Spaces this instance's NOTIFYs. A transaction that NOTIFYs takes PostgreSQL's notification-queue lock at commit, so
/// a NOTIFY in every enqueue makes concurrent enqueues commit one at a time (measured: a quarter of the bare INSERT's
/// rate). Instead, an enqueue carries the NOTIFY only when none was sent in the last <see cref="Window"/>; enqueues inside
/// the window commit without one, and a single NOTIFY follows at the window's end, after their commits. Listeners hear
/// of every entry at most one window late; this instance's own dispatcher is woken in-process at once.
/// </summary>
internal sealed class PostgreSqlNotifier
{
    /// <summary>At most one NOTIFY per this long from one instance (a NOTIFY's commit holds a database-wide lock).</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly Func<ValueTask> _sendAsync;
    private readonly long _windowTicks = (long)(Window.TotalSeconds * Stopwatch.Frequency);
    private long _lastSent = long.MinValue / 2;
    private int _trailingScheduled;

    public PostgreSqlNotifier(Func<ValueTask> sendAsync)
    {
        _sendAsync = sendAsync;
    }

    /// <summary>Returns whether this enqueue should carry the NOTIFY itself (and if so, counts it as sent now).</summary>
    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastSent);
        return now - last >= _windowTicks && Interlocked.CompareExchange(ref _lastSent, now, last) == last;
    }

    /// <summary>Called after an enqueue without a NOTIFY has committed: makes sure one NOTIFY follows it.</summary>
    public void AfterQuietCommit()
    {
        if (Interlocked.Exchange(ref _trailingScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(Window).ConfigureAwait(false);

            // Cleared before sending: a commit that finds the flag set is covered by the send below, which follows it.
            Volatile.Write(ref _trailingScheduled, 0);
            Interlocked.Exchange(ref _lastSent, Stopwatch.GetTimestamp());
            try
            {
                await _sendAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebhookInboxStoreException or ObjectDisposedException)
            {
                // Polling picks the entries up; the database being away is reported by the calls that need it.
            }
        });
    }
}
