using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>
/// The writer connection's statements, prepared once and reused (SQLite keeps the compiled statement), and the
/// operations built from them. Used only from the writer's loop.
/// </summary>
internal sealed class SqliteInboxCommands : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly int _timeoutSeconds;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteInboxCommands(SqliteConnection connection, int timeoutSeconds)
    {
        _connection = connection;
        _timeoutSeconds = timeoutSeconds;
    }

    /// <summary>Starts a write transaction, taking the write lock now rather than at the first write.</summary>
    public void Begin() => NonQuery("BEGIN IMMEDIATE;");

    public void Commit() => NonQuery("COMMIT;");

    public void Rollback() => NonQuery("ROLLBACK;");

    public int NonQuery(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteScalar();

    public WebhookInboxEnqueueResult Enqueue(WebhookInboxDelivery delivery, DateTimeOffset now, TimeSpan retainCompletedFor)
    {
        var deadLetter = delivery.ParseError is not null;
        var nowMs = now.ToUnixTimeMilliseconds();
        var changed = NonQuery(
            SqliteInboxSql.Enqueue,
            ("$vendor", delivery.Vendor),
            ("$key", delivery.DeliveryKey),
            ("$event", delivery.EventType ?? string.Empty),
            ("$body", WholeArray(delivery.Body)),
            ("$headers", SqliteInboxHeaders.Encode(delivery.Headers)),
            ("$method", (int)delivery.VerificationMethod),
            ("$received", delivery.ReceivedAt.ToUnixTimeMilliseconds()),
            ("$state", deadLetter ? (int)WebhookInboxState.Failed : (int)WebhookInboxState.Pending),
            ("$next", deadLetter ? null : nowMs),
            ("$error", delivery.ParseError),
            ("$failed", deadLetter ? nowMs : null),
            ("$cutoff", SubtractClamped(now, retainCompletedFor)));
        return changed > 0 ? WebhookInboxEnqueueResult.Inserted : WebhookInboxEnqueueResult.AlreadyKnown;
    }

    public IReadOnlyList<WebhookInboxEntry> Claim(string owner, int maxCount, DateTimeOffset now, TimeSpan leaseDuration)
    {
        var command = Prepare(
            SqliteInboxSql.Claim,
            ("$owner", owner),
            ("$now", now.ToUnixTimeMilliseconds()),
            ("$expires", (now + leaseDuration).ToUnixTimeMilliseconds()),
            ("$limit", maxCount));
        var claimed = new List<WebhookInboxEntry>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                claimed.Add(SqliteInboxEntryReader.Read(reader, includeLease: true));
            }
        }

        // RETURNING yields rows in no set order: oldest due first, as the contract prefers.
        claimed.Sort(static (left, right) => left.Id.CompareTo(right.Id));
        return claimed;
    }

    public bool Renew(WebhookInboxLease lease, DateTimeOffset now, TimeSpan leaseDuration) =>
        NonQuery(SqliteInboxSql.Renew, Id(lease), Token(lease), ("$expires", (now + leaseDuration).ToUnixTimeMilliseconds())) > 0;

    public bool Complete(WebhookInboxLease lease, DateTimeOffset now) =>
        NonQuery(SqliteInboxSql.Complete, Id(lease), Token(lease), ("$now", now.ToUnixTimeMilliseconds())) > 0;

    public bool Reschedule(WebhookInboxLease lease, DateTimeOffset nextAttemptAt, string reason) =>
        NonQuery(SqliteInboxSql.Reschedule, Id(lease), Token(lease), ("$next", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", reason)) > 0;

    public bool Release(WebhookInboxLease lease, DateTimeOffset now) =>
        NonQuery(SqliteInboxSql.Release, Id(lease), Token(lease), ("$now", now.ToUnixTimeMilliseconds())) > 0;

    public bool Fail(WebhookInboxLease lease, string reason, DateTimeOffset now) =>
        NonQuery(SqliteInboxSql.Fail, Id(lease), Token(lease), ("$now", now.ToUnixTimeMilliseconds()), ("$error", reason)) > 0;

    public bool Replay(long entryId, DateTimeOffset now) =>
        NonQuery(SqliteInboxSql.Replay, ("$id", entryId), ("$now", now.ToUnixTimeMilliseconds())) > 0;

    public int Purge(DateTimeOffset completedBefore, int maxCount) =>
        NonQuery(SqliteInboxSql.Purge, ("$before", completedBefore.ToUnixTimeMilliseconds()), ("$limit", maxCount));

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SqliteCommand Prepare(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = _timeoutSeconds;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>The store already copied the body into an array of its own: bind that array rather than copy again.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();

    private static (string, object?) Id(WebhookInboxLease lease) => ("$id", lease.EntryId);

    private static (string, object?) Token(WebhookInboxLease lease) => ("$token", lease.Token.ToByteArray());

    private static long SubtractClamped(DateTimeOffset now, TimeSpan span) =>
        now - DateTimeOffset.MinValue < span ? long.MinValue : (now - span).ToUnixTimeMilliseconds();
}
