using Classet.Boooply.Webhooks.Sqlite;
using Classet.Boooply.Webhooks.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>A real database file in a fresh temporary directory, removed afterwards.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "inbox-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "inbox.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public SqliteWebhookInboxStore OpenStore(Action<SqliteWebhookInboxOptions>? configure = null)
    {
        var options = new SqliteWebhookInboxOptions { ConnectionString = ConnectionString };
        configure?.Invoke(options);
        return new SqliteWebhookInboxStore(options);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
