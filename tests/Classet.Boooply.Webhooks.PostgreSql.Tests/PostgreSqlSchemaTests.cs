using System.Diagnostics;
using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>Creating, checking and refusing the schema.</summary>
public sealed class PostgreSqlSchemaTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _schema = PostgresServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresServer.ConnectionString is not null)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    [PostgresFact]
    public async Task Eight_instances_starting_at_once_on_an_empty_database_all_come_up()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => PostgresServer.NewStore(_schema, notifications: false)).ToArray();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starting = stores.Select(store => Task.Run(async () =>
            {
                await start.Task;
                await store.InitializeAsync(default);
            })).ToArray();
            start.SetResult();
            await Task.WhenAll(starting);

            (await PostgresServer.ScalarAsync<int>($"SELECT version FROM \"{_schema}\".schema_version WHERE component = 'store'")).Should().Be(PostgreSqlSchema.Version);
            (await PostgresServer.ScalarAsync<long>($"SELECT count(*) FROM \"{_schema}\".schema_version")).Should().Be(1);
            (await stores[7].EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("k"), T0, TimeSpan.FromDays(1), default)).Should().Be(WebhookInboxEnqueueResult.Inserted);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task Without_automatic_creation_a_missing_schema_is_a_store_error_naming_the_script_and_the_shipped_script_run_with_psql_fixes_it()
    {
        await using var store = PostgresServer.NewStore(_schema, notifications: false, createSchema: false);
        var missing = await FluentActions.Awaiting(() => store.InitializeAsync(default).AsTask()).Should().ThrowAsync<WebhookInboxStoreException>();
        missing.Which.Message.Should().Contain(PostgreSqlSchema.ScriptName).And.Contain("CreateSchema");
        await FluentActions.Awaiting(() => store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("k"), T0, TimeSpan.Zero, default).AsTask())
            .Should().ThrowAsync<WebhookInboxStoreException>("every member prepares the store first");
        (await PostgresServer.ScalarAsync<long>($"SELECT count(*) FROM pg_namespace WHERE nspname = '{_schema}'")).Should().Be(0, "nothing was created");

        // The package's script, as a team that forbids runtime DDL runs it.
        var script = Path.Combine(AppContext.BaseDirectory, "sql", PostgreSqlSchema.ScriptName);
        File.Exists(script).Should().BeTrue("the script is shipped beside the assembly");
        await RunPsqlAsync(script);

        await store.InitializeAsync(default);
        (await store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("k"), T0, TimeSpan.Zero, default)).Should().Be(WebhookInboxEnqueueResult.Inserted);
    }

    [PostgresFact]
    public async Task A_schema_newer_than_this_version_is_refused()
    {
        await using (var creator = PostgresServer.NewStore(_schema, notifications: false))
        {
            await creator.InitializeAsync(default);
        }

        await PostgresServer.ExecuteAsync($"UPDATE \"{_schema}\".schema_version SET version = {PostgreSqlSchema.Version + 1}");
        await using var store = PostgresServer.NewStore(_schema, notifications: false);
        var newer = await FluentActions.Awaiting(() => store.InitializeAsync(default).AsTask()).Should().ThrowAsync<WebhookInboxStoreException>();
        newer.Which.Message.Should().Contain("newer");
    }

    [Fact]
    public void Bad_schema_names_and_connection_strings_fail_at_registration()
    {
        var services = new ServiceCollection();
        var inbox = services.AddWebhookInbox();
        FluentActions.Invoking(() => inbox.UsePostgreSql("Host=x", o => o.SchemaName = "Bad-Name")).Should().Throw<ArgumentException>().WithMessage("*Bad-Name*");
        FluentActions.Invoking(() => inbox.UsePostgreSql("Host=x", o => o.SchemaName = "x\"; DROP TABLE y; --")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => inbox.UsePostgreSql("Host=x", o => o.SchemaName = new string('a', 49))).Should().Throw<ArgumentException>();
        var invalid = FluentActions.Invoking(() => inbox.UsePostgreSql("Host=x;Password=hunter2;NoSuchKeyword=1")).Should().Throw<ArgumentException>().Which;
        invalid.Message.Should().NotContain("hunter2");
        FluentActions.Invoking(() => inbox.UsePostgreSql(" ")).Should().Throw<ArgumentException>();
        inbox.UsePostgreSql("Host=x;Database=y", o => o.SchemaName = "ok_name_1").Should().BeSameAs(inbox);
    }

    [Fact]
    public void The_rendered_script_has_no_psql_commands_and_only_the_configured_schema()
    {
        var sql = PostgreSqlSchema.Render("my_schema");
        sql.Split('\n').Should().NotContain(line => line.StartsWith('\\'));
        sql.Should().NotContain(":\"schema\"").And.NotContain(":'schema'").And.Contain("CREATE TABLE IF NOT EXISTS \"my_schema\".inbox");
        sql.Should().Contain("pg_advisory_xact_lock(hashtext('classet_boooply_webhooks:' || 'my_schema'))");
    }

    private async Task RunPsqlAsync(string script)
    {
        var psql = new[] { "psql" }.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "psql")) : [])
            .FirstOrDefault(p => p == "psql" ? Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, "psql"))) : File.Exists(p))
            ?? throw new InvalidOperationException("psql is not installed");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.RequireConnectionString());
        var start = new ProcessStartInfo(psql) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-X", "-q", "-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "-d", builder.Database!, "-v", "schema=" + _schema, "-f", script })
        {
            start.ArgumentList.Add(argument);
        }

        if (builder.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await error);
    }
}
