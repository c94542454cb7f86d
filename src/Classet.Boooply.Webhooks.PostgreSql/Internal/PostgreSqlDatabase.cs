using System.Net.Sockets;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// What the PostgreSQL stores share: the data source, the schema (prepared once, and again after a failure), and one way to
/// run an operation that turns every database failure into the caller's store exception.
/// </summary>
/// <remarks>
/// After a lost connection (the server restarted, a backend was terminated, the network dropped), the pool's idle
/// connections are likely dead too: the pool is cleared, so no broken connection is handed out again, and the operation is
/// retried once on a fresh connection. Every operation of the stores is safe to repeat.
/// </remarks>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly bool _ownsDataSource;
    private readonly object _schemaGate = new();
    private Task? _schema;

    public PostgreSqlDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlWebhookStoreOptions options)
    {
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        SchemaName = options.SchemaName;
        CreateSchema = options.CreateSchema;
        UseNotifications = options.UseNotifications;
        Channel = SchemaName + "_inbox";
    }

    public NpgsqlDataSource DataSource { get; }

    public string SchemaName { get; }

    public bool CreateSchema { get; }

    public bool UseNotifications { get; }

    /// <summary>The NOTIFY channel of the inbox in this schema (schema names are at most 48 characters, so this fits in 63).</summary>
    public string Channel { get; }

    /// <summary>Prepares the schema, once; a failed preparation is tried again by the next caller.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = PrepareAsync(cancellationToken);
            }

            return _schema;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a pooled connection once the schema is ready, and turns database failures into
    /// <paramref name="wrap"/>'s exception (naming <paramref name="operation"/>). Cancellation through
    /// <paramref name="cancellationToken"/> stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async ValueTask<T> RunAsync<T>(
        string operation,
        Func<NpgsqlConnection, CancellationToken, ValueTask<T>> action,
        Func<string, Exception, Exception> wrap,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await EnsureSchemaAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await action(connection, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (PostgreSqlSchemaException exception)
            {
                throw wrap(exception.Message, exception);
            }
            catch (Exception exception) when (IsDatabaseFailure(exception))
            {
                if (IsConnectionLoss(exception))
                {
                    DataSource.Clear();
                    if (attempt == 0 && !IsTimeout(exception))
                    {
                        continue;
                    }
                }

                throw wrap($"The PostgreSQL webhook store could not {operation}: {Describe(exception)}", exception);
            }
        }
    }

    /// <summary>Whether an exception came from the database or the way to it (rather than a bug).</summary>
    public static bool IsDatabaseFailure(Exception exception) =>
        exception is NpgsqlException or SocketException or IOException or TimeoutException or OperationCanceledException
        || (exception is InvalidOperationException && exception.Source == "Npgsql");

    /// <summary>Whether the connection (or the server) went away, so the pool's idle connections are suspect.</summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        // 57P01 admin shutdown / terminated backend, 57P02 crash shutdown, 57P03 cannot connect now, class 08 connection exceptions.
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException,
        SocketException or IOException => true,
        _ => false,
    };

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await DataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsTimeout(Exception exception) =>
        exception is TimeoutException || exception.InnerException is TimeoutException;

    private static string Describe(Exception exception) => exception switch
    {
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        _ when exception.InnerException is { } inner && exception.Message.Length < 40 => $"{exception.Message} ({inner.Message})",
        _ => exception.Message,
    };

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // Not tied to one caller's token beyond the start: a cancelled first caller must not poison the shared task.
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PostgreSqlSchema.EnsureAsync(connection, SchemaName, CreateSchema, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
