using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// Keeps one connection that <c>LISTEN</c>s on the inbox's channel and raises <see cref="Notified"/> whenever any instance
/// enqueues (or releases, or replays) an entry, so an idle dispatcher claims it at once. When the connection is lost it
/// reconnects by itself with a growing pause, and raises <see cref="Notified"/> once it is back, since notifications sent
/// while it was away are gone. Polling stays the fallback throughout.
/// </summary>
internal sealed partial class PostgreSqlNotificationListener : IAsyncDisposable
{
    /// <summary>How long the connection may sit silent before a round trip checks that it is still alive.</summary>
    internal static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;
    private int _backendProcessId;
    private long _subscriptions;

    public PostgreSqlNotificationListener(NpgsqlDataSource dataSource, string channel, ILoggerFactory? loggerFactory)
    {
        _dataSource = dataSource;
        _channel = channel;
        _logger = loggerFactory?.CreateLogger("Classet.Boooply.Webhooks.PostgreSql") ?? NullLogger.Instance;
    }

    /// <summary>Raised on the listener's thread for every notification, and after every (re)subscription.</summary>
    public event Action? Notified;

    /// <summary>Gets the server process id of the listening connection (0 while not connected); tests terminate it.</summary>
    public int BackendProcessId => Volatile.Read(ref _backendProcessId);

    /// <summary>Gets how many times the listener has subscribed (1 after the first connection, more after reconnects).</summary>
    public long Subscriptions => Interlocked.Read(ref _subscriptions);

    /// <summary>Starts listening (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is null && !_stop.IsCancellationRequested)
            {
                _loop = Task.Run(() => ListenLoopAsync(_stop.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _stop.Cancel();
        }

        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private async Task ListenLoopAsync(CancellationToken stopping)
    {
        var delay = FirstReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += OnNotification;
                    await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                    }

                    Volatile.Write(ref _backendProcessId, connection.ProcessID);
                    Interlocked.Increment(ref _subscriptions);
                    delay = FirstReconnectDelay;
                    ListenerSubscribed(_logger, _channel);

                    // Whatever was enqueued while no one listened is found by this claim.
                    RaiseNotified();
                    while (!stopping.IsCancellationRequested)
                    {
                        if (!await connection.WaitAsync(KeepAliveInterval, stopping).ConfigureAwait(false))
                        {
                            await using var ping = new NpgsqlCommand("SELECT 1", connection);
                            await ping.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (PostgreSqlDatabase.IsDatabaseFailure(exception))
            {
                Volatile.Write(ref _backendProcessId, 0);
                if (PostgreSqlDatabase.IsConnectionLoss(exception))
                {
                    _dataSource.Clear();
                }

                ListenerLost(_logger, _channel, delay, exception);
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args) => RaiseNotified();

    private void RaiseNotified()
    {
        try
        {
            Notified?.Invoke();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A subscriber's failure must not end the listener.
            SubscriberFailed(_logger, exception);
        }
    }

    [LoggerMessage(EventId = 301, EventName = "PostgreSqlListenerSubscribed", Level = LogLevel.Debug,
        Message = "Listening for webhook inbox notifications on channel {Channel}.")]
    private static partial void ListenerSubscribed(ILogger logger, string channel);

    [LoggerMessage(EventId = 302, EventName = "PostgreSqlListenerLost", Level = LogLevel.Warning,
        Message = "The webhook inbox notification listener (channel {Channel}) lost its connection; it reconnects in {RetryIn}, and polling covers the gap.")]
    private static partial void ListenerLost(ILogger logger, string channel, TimeSpan retryIn, Exception exception);

    [LoggerMessage(EventId = 303, EventName = "PostgreSqlListenerSubscriberFailed", Level = LogLevel.Error,
        Message = "A webhook inbox notification subscriber threw.")]
    private static partial void SubscriberFailed(ILogger logger, Exception exception);
}
