using System.Text.RegularExpressions;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// A PostgreSQL server of the test's own (initdb into a temporary directory by .ci/postgres.sh), for tests that stop and
/// start the server: stopping the shared one would break the tests running beside them.
/// </summary>
internal sealed partial class DisposableServer : IAsyncDisposable
{
    private DisposableServer(string connectionString, string directory)
    {
        ConnectionString = connectionString;
        Directory = directory;
    }

    public string ConnectionString { get; }

    public string Directory { get; }

    public static async Task<DisposableServer> StartAsync()
    {
        PostgresServer.RequireConnectionString();
        var output = await PostgresServer.RunControlScriptAsync("start");
        var connectionString = ExportPattern().Match(output) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("postgres.sh start printed no connection string: " + output);
        var directory = DataPattern().Match(output).Groups[1].Value;
        return new DisposableServer(connectionString, directory);
    }

    public Task StopAsync() => PostgresServer.RunControlScriptAsync("pause", Directory);

    public Task StartAgainAsync() => PostgresServer.RunControlScriptAsync("resume", Directory);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PostgresServer.RunControlScriptAsync("stop", Directory);
        }
        catch (InvalidOperationException)
        {
            // Already gone; nothing to clean.
        }
    }

    [GeneratedRegex("CLASSET_BOOOPLY_TEST_POSTGRES='([^']*)'")]
    private static partial Regex ExportPattern();

    [GeneratedRegex("CLASSET_BOOOPLY_TEST_POSTGRES_DATA='([^']*)'")]
    private static partial Regex DataPattern();
}
