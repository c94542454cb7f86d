using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>
/// The store's only writer. SQLite has one writer per database, so rather than let concurrent requests race for the file
/// lock (and spin on SQLITE_BUSY), every write is queued here and run on one connection. Operations that are queued
/// together share one transaction, and so one fsync (group commit); each caller's task completes only after that commit.
/// A batch that fails is rolled back and its operations are run again one by one, so one bad operation fails alone.
/// </summary>
internal sealed class SqliteInboxWriter : IAsyncDisposable
{
    /// <summary>A batch stops growing past this many body bytes, so a transaction stays small.</summary>
    private const int MaxBatchBodyBytes = 8 * 1024 * 1024;

    private readonly Channel<SqliteWriteOperation> _queue = Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions
    {
        SingleReader = true,
    });

    private readonly SqliteInboxConnectionFactory _connections;
    private readonly int _maxBatchSize;
    private readonly long _queueTimeoutTicks;
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private SqliteInboxCommands? _commands;
    private int _disposed;

    public SqliteInboxWriter(SqliteInboxConnectionFactory connections, int maxBatchSize, TimeSpan busyTimeout)
    {
        _connections = connections;
        _maxBatchSize = maxBatchSize;
        _queueTimeoutTicks = (long)(busyTimeout.TotalSeconds * Stopwatch.Frequency);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Set once the schema is known to be in place on this database.</summary>
    public bool Initialized { get; private set; }

    /// <summary>Queues a write; the task completes once it has committed (or failed with <see cref="WebhookInboxStoreException"/>).</summary>
    public Task<T> ExecuteAsync<T>(string operation, Func<SqliteInboxCommands, T> work, int bodyBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var op = new SqliteWriteOperation<T>(operation, work, bodyBytes, cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(op), this);

        return op.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        ResetConnection();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteOperation>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var bytes = 0L;
            while (batch.Count < _maxBatchSize && bytes < MaxBatchBodyBytes && reader.TryRead(out var op))
            {
                if (op.CancellationToken.IsCancellationRequested)
                {
                    op.Cancel();
                    continue;
                }

                if (Stopwatch.GetTimestamp() - op.QueuedAt > _queueTimeoutTicks)
                {
                    // The writer was held up (a lock another process holds, a slow disk): answer within the bound rather than late.
                    op.Fail(new WebhookInboxStoreException(
                        $"The SQLite webhook inbox at '{_connections.DataSource}' could not {op.Operation}: the write queue waited longer than BusyTimeout."));
                    continue;
                }

                batch.Add(op);
                bytes += op.BodyBytes;
            }

            if (batch.Count > 0)
            {
                RunBatch(batch);
            }
        }
    }

    private void RunBatch(List<SqliteWriteOperation> batch)
    {
        if (batch.Count == 1)
        {
            RunAlone(batch[0]);
            return;
        }

        var began = false;
        try
        {
            var commands = EnsureOpen();
            commands.Begin();
            began = true;
            foreach (var op in batch)
            {
                op.Execute(commands);
            }

            commands.Commit();
        }
        catch (Exception)
        {
            if (began)
            {
                TryRollback();
            }

            // Nothing of the batch committed: run each operation alone, so that only the one at fault fails.
            foreach (var op in batch)
            {
                RunAlone(op);
            }

            return;
        }

        foreach (var op in batch)
        {
            op.Succeed();
        }
    }

    private void RunAlone(SqliteWriteOperation op)
    {
        try
        {
            op.Execute(EnsureOpen());
            op.Succeed();
        }
        catch (Exception exception)
        {
            op.Fail(SqliteInboxErrors.Wrap(exception, op.Operation, _connections.DataSource));
            if (exception is not WebhookInboxStoreException)
            {
                // Reopen for the next operation: a directory created, a disk freed or a lock released then takes effect.
                ResetConnection();
            }
        }
    }

    private SqliteInboxCommands EnsureOpen()
    {
        if (_commands is not null)
        {
            return _commands;
        }

        var connection = _connections.OpenWriter();
        try
        {
            var commands = new SqliteInboxCommands(connection, _connections.CommandTimeoutSeconds);
            if (!Initialized)
            {
                SqliteInboxSchema.Migrate(commands);
                Initialized = true;
            }

            _connection = connection;
            _commands = commands;
            return commands;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void TryRollback()
    {
        try
        {
            _commands?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (it does on SQLITE_FULL and I/O errors); the connection is reset below if broken.
            ResetConnection();
        }
    }

    private void ResetConnection()
    {
        _commands?.Dispose();
        _commands = null;
        _connection?.Dispose();
        _connection = null;
    }
}
