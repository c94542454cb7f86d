using System.Diagnostics;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>A queued write: runs inside the writer's transaction, and reports only once that transaction committed.</summary>
internal abstract class SqliteWriteOperation
{
    protected SqliteWriteOperation(string operation, int bodyBytes, CancellationToken cancellationToken)
    {
        Operation = operation;
        BodyBytes = bodyBytes;
        CancellationToken = cancellationToken;
        QueuedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>What the operation does, for error messages ("store a delivery").</summary>
    public string Operation { get; }

    public int BodyBytes { get; }

    public CancellationToken CancellationToken { get; }

    public long QueuedAt { get; }

    /// <summary>Runs the statement; the result is held until <see cref="Succeed"/>.</summary>
    public abstract void Execute(SqliteInboxCommands commands);

    /// <summary>Reports the held result: called after the commit.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}
