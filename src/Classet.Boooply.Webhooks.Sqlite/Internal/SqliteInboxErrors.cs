using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>Turns what SQLite and the file system report into the typed exception the endpoint answers 503 for.</summary>
internal static class SqliteInboxErrors
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static WebhookInboxStoreException Wrap(Exception exception, string operation, string dataSource)
    {
        if (exception is WebhookInboxStoreException typed)
        {
            return typed;
        }

        var reason = exception switch
        {
            SqliteException { SqliteErrorCode: Busy or Locked } => "the database is locked by another connection (past BusyTimeout)",
            SqliteException { SqliteErrorCode: ReadOnly } => "the database is read-only (file or directory permissions, or a read-only mount)",
            SqliteException { SqliteErrorCode: IoError } => "a disk I/O error occurred",
            SqliteException { SqliteErrorCode: Corrupt or NotADatabase } => "the file is not a valid SQLite database or is corrupt",
            SqliteException { SqliteErrorCode: Full } => "the disk (or the database's size limit) is full",
            SqliteException { SqliteErrorCode: CantOpen } => "the database file cannot be opened (does its directory exist, and may this process write there?)",
            SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}",
            UnauthorizedAccessException => "access to the database file was denied",
            IOException => "a file system error occurred",
            _ => exception.GetType().Name,
        };
        return new WebhookInboxStoreException($"The SQLite webhook inbox at '{dataSource}' could not {operation}: {reason}.", exception);
    }
}
