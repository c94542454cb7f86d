using System.Diagnostics;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>The PostgreSQL server the tests run against, from the environment (see .ci/postgres.sh and the README).</summary>
internal static class PostgresServer
{
    public const string Variable = "CLASSET_BOOOPLY_TEST_POSTGRES";

    public static readonly string MissingMessage =
        $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string (eval \"$(bash .ci/postgres.sh start)\" starts a throwaway one).";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or a failure naming the variable (in CI, where such tests are not skipped).</summary>
    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(MissingMessage);

    /// <summary>A schema name no other test (or other run of the suite, such as another target framework's) uses.</summary>
    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public static NpgsqlDataSource NewDataSource(string? connectionString = null, int maxPoolSize = 20) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString ?? RequireConnectionString()) { MaxPoolSize = maxPoolSize, Timeout = 5 }.ConnectionString);

    /// <summary>A store on its own data source (as another instance of the app would have).</summary>
    public static PostgreSqlWebhookInboxStore NewStore(string schema, string? connectionString = null, bool notifications = true, bool createSchema = true) =>
        PostgreSqlRegistration.CreateInboxStore(
            NewDataSource(connectionString),
            ownsDataSource: true,
            new PostgreSqlWebhookStoreOptions { SchemaName = schema, UseNotifications = notifications, CreateSchema = createSchema },
            loggerFactory: null);

    public static async Task ExecuteAsync(string sql, string? connectionString = null)
    {
        await using var dataSource = NewDataSource(connectionString, maxPoolSize: 2);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql, string? connectionString = null)
    {
        await using var dataSource = NewDataSource(connectionString, maxPoolSize: 2);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task DropSchemaAsync(string schema, string? connectionString = null) =>
        ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connectionString);

    /// <summary>The repository's .ci/postgres.sh, found by walking up from the test assembly.</summary>
    public static string ControlScript
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ".ci", "postgres.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("The repository's .ci/postgres.sh was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs .ci/postgres.sh with the arguments; returns its standard output, or throws with its error output.</summary>
    public static async Task<string> RunControlScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ControlScript);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
