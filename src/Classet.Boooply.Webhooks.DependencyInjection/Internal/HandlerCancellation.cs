namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The cancellation of one run of handlers, reusable across runs (<see cref="CancellationTokenSource.TryReset"/>), so
/// that a timeout on every delivery costs no allocation in the steady state.
/// </summary>
/// <remarks>
/// <see cref="Token"/> is what the handlers see: <c>HandlerTimeout</c> and the caller's token cancel it. The dispatcher
/// stops waiting on <see cref="WaiterToken"/>, which is cancelled by a callback registered on <see cref="Token"/> before
/// any handler runs. Callbacks run in reverse order of registration, so it fires only after every callback the handlers
/// registered has run: a handler that honours its token has finished by then and is not taken for one that ignores it.
/// </remarks>
internal sealed class HandlerCancellation : IDisposable
{
    private readonly CancellationTokenSource _handlers;
    private readonly CancellationTokenSource _waiter = new();
    private CancellationTokenRegistration _caller;

    public HandlerCancellation(TimeProvider time)
    {
        // Armed by Start; created with the host's clock so that the timeout follows it (a FakeTimeProvider in tests).
        _handlers = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        ChainWaiter();
    }

    public CancellationToken Token => _handlers.Token;

    public CancellationToken WaiterToken => _waiter.Token;

    /// <summary>Whether the handlers' token was cancelled (by the timeout or the caller).</summary>
    public bool IsCancellationRequested => _handlers.IsCancellationRequested;

    public void Start(TimeSpan timeout, CancellationToken caller)
    {
        _handlers.CancelAfter(timeout);
        if (caller.CanBeCanceled)
        {
            _caller = caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _handlers);
        }
    }

    /// <summary>Makes this instance ready for another run, or answers <see langword="false"/> when it cannot be reused.</summary>
    public bool TryReset()
    {
        // First, so that the caller's token can never cancel a run it does not belong to.
        _caller.Dispose();
        _caller = default;
        if (!_handlers.TryReset() || !_waiter.TryReset())
        {
            return false;
        }

        ChainWaiter();
        return true;
    }

    public void Dispose()
    {
        _caller.Dispose();
        _handlers.Dispose();
        _waiter.Dispose();
    }

    private void ChainWaiter() => _handlers.Token.UnsafeRegister(
        static waiter =>
        {
            try
            {
                ((CancellationTokenSource)waiter!).Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Nobody waits any more. Exceptions here would surface on the timer's thread.
            }
        },
        _waiter);
}
