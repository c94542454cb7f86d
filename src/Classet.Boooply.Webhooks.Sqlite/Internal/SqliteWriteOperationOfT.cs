namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>A queued write with a result.</summary>
internal sealed class SqliteWriteOperation<T> : SqliteWriteOperation
{
    // Continuations run on the caller's side, never on the writer's thread.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<SqliteInboxCommands, T> _work;
    private T? _result;

    public SqliteWriteOperation(string operation, Func<SqliteInboxCommands, T> work, int bodyBytes, CancellationToken cancellationToken)
        : base(operation, bodyBytes, cancellationToken)
    {
        _work = work;
    }

    public Task<T> Task => _completion.Task;

    public override void Execute(SqliteInboxCommands commands) => _result = _work(commands);

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
