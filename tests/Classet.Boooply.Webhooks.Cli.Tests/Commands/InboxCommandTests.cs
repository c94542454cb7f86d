using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Cli.Tests.Commands;

/// <summary>
/// <c>inbox</c> against a real SQLite inbox file, filled through the packages' public API (the store an app's
/// <c>AddWebhookInbox().UseSqlite(…)</c> registers) with one entry in each state.
/// </summary>
public sealed class InboxCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cli-inbox-");
    private string _file = null!;

    // Ids by what was done to them, in the order they were stored.
    private long _failed, _completed, _processing, _rescheduled, _pending;

    public async Task InitializeAsync()
    {
        _file = Path.Combine(_directory.FullName, "inbox.db");
        var services = new ServiceCollection();
        services.AddWebhookInbox().UseSqlite("Data Source=" + _file);
        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var store = provider.GetRequiredService<IWebhookInboxStore>();
            await store.InitializeAsync(default);
            string[] events = ["interview.evaluation", "candidate.interview.updated", "interview.transcript", "candidate.call.completed", "interview.scores"];
            for (var index = 0; index < events.Length; index++)
            {
                var result = await store.EnqueueAsync(
                    new WebhookInboxDelivery
                    {
                        Vendor = events[index].StartsWith("candidate", StringComparison.Ordinal) ? "classet" : "boooply",
                        DeliveryKey = "key-" + index,
                        EventType = events[index],
                        Body = Encoding.UTF8.GetBytes("{\"note\":\"BODY-MARKER\"}"),
                        Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer HEADER-MARKER" },
                        ReceivedAt = Start.AddSeconds(index),
                    },
                    Start.AddSeconds(index),
                    TimeSpan.FromDays(7),
                    default);
                result.Should().Be(WebhookInboxEnqueueResult.Inserted);
            }

            var claimAt = Start.AddMinutes(1);
            var first = await ClaimOneAsync(store, claimAt);
            (await store.FailAsync(first.Lease!.Value, "InvalidOperationException: the ATS said no\nat Handler.HandleAsync()", claimAt, default)).Should().BeTrue();
            var second = await ClaimOneAsync(store, claimAt);
            (await store.CompleteAsync(second.Lease!.Value, claimAt, default)).Should().BeTrue();
            var third = await ClaimOneAsync(store, claimAt);
            var fourth = await ClaimOneAsync(store, claimAt);
            (await store.RescheduleAsync(fourth.Lease!.Value, Start.AddHours(1), "TimeoutException: the ATS timed out", default)).Should().BeTrue();
            (_failed, _completed, _processing, _rescheduled) = (first.Id, second.Id, third.Id, fourth.Id);
            _pending = (await store.ListAsync(WebhookInboxState.Pending, afterId: null, limit: 10, default)).Select(e => e.Id).Except([_rescheduled]).Single();
        }

        SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<WebhookInboxEntry> ClaimOneAsync(IWebhookInboxStore store, DateTimeOffset now) =>
        (await store.ClaimAsync("test-worker", 1, now, TimeSpan.FromHours(1), default)).Single();

    [Fact]
    public async Task Stats_CountsEachState()
    {
        var run = await CliRun.RunAsync("inbox", "stats", "--sqlite", "Data Source=" + _file);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain($"SQLite inbox at '{_file}'")
            .And.MatchRegex(@"Pending:\s+2\b").And.MatchRegex(@"Processing:\s+1\b").And.MatchRegex(@"Completed:\s+1\b")
            .And.MatchRegex(@"Failed:\s+1\b").And.MatchRegex(@"Total:\s+5\b");
    }

    [Fact]
    public async Task Stats_Json_BarePath_OneObjectWithTheCounts()
    {
        var run = await CliRun.RunAsync("inbox", "stats", "--sqlite", _file, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("command").GetString().Should().Be("inbox");
        root.GetProperty("action").GetString().Should().Be("stats");
        root.GetProperty("store").GetString().Should().Be("sqlite");
        root.GetProperty("location").GetString().Should().Be(_file);
        (root.GetProperty("pending").GetInt64(), root.GetProperty("processing").GetInt64(), root.GetProperty("completed").GetInt64(), root.GetProperty("failed").GetInt64(), root.GetProperty("total").GetInt64())
            .Should().Be((2L, 1L, 1L, 1L, 5L));
    }

    [Fact]
    public async Task List_EveryState_ShowsEachEntryWithoutBodyOrHeaders()
    {
        var run = await CliRun.RunAsync("inbox", "list", "--sqlite", _file);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(7, run.Output); // header, five entries, summary
        Line(lines, _failed).Should().MatchRegex(@"\bboooply\s+interview\.evaluation\s+failed\s+1\s+2026-11-30 09:00:00\s+InvalidOperationException: the ATS said no at Handler");
        Line(lines, _completed).Should().MatchRegex(@"\bclasset\s+candidate\.interview\.updated\s+completed\s+1\s+2026-11-30 09:00:01\s+completed 2026-11-30 09:01:00");
        Line(lines, _processing).Should().MatchRegex(@"interview\.transcript\s+processing\s+1\b.*running");
        Line(lines, _rescheduled).Should().MatchRegex(@"candidate\.call\.completed\s+pending\s+1\b.*next 2026-11-30 10:00:00 after: TimeoutException: the ATS timed out");
        Line(lines, _pending).Should().MatchRegex(@"interview\.scores\s+pending\s+0\s+2026-11-30 09:00:04\s+next 2026-11-30 09:00:04");
        lines[^1].Should().Be("5 entries.");
        run.All.Should().NotContain("BODY-MARKER").And.NotContain("HEADER-MARKER").And.NotContain("key-0");
    }

    [Fact]
    public async Task List_FailedAsJson_GivesTheEntryAndItsFullError()
    {
        var run = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--state", "failed", "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("state").GetString().Should().Be("failed");
        var entry = json.RootElement.GetProperty("entries").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("id").GetInt64().Should().Be(_failed);
        entry.GetProperty("vendor").GetString().Should().Be("boooply");
        entry.GetProperty("eventType").GetString().Should().Be("interview.evaluation");
        entry.GetProperty("deliveryKey").GetString().Should().Be("key-0");
        entry.GetProperty("state").GetString().Should().Be("failed");
        entry.GetProperty("attempts").GetInt32().Should().Be(1);
        entry.GetProperty("receivedAt").GetDateTimeOffset().Should().Be(Start);
        entry.GetProperty("failedAt").GetDateTimeOffset().Should().Be(Start.AddMinutes(1));
        entry.GetProperty("nextAttemptAt").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("lastError").GetString().Should().Be("InvalidOperationException: the ATS said no\nat Handler.HandleAsync()");
        json.RootElement.GetProperty("nextAfter").ValueKind.Should().Be(JsonValueKind.Null);
        run.All.Should().NotContain("BODY-MARKER").And.NotContain("HEADER-MARKER");
    }

    [Fact]
    public async Task List_PagesWithLimitAndAfter()
    {
        var firstPage = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--limit", "2", "--json");
        using var first = JsonDocument.Parse(firstPage.Output);
        var next = first.RootElement.GetProperty("nextAfter").GetInt64();
        var secondPage = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--limit", "10", "--after", next.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        using var second = JsonDocument.Parse(secondPage.Output);
        var human = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--limit", "2");

        long[] all = [_failed, _completed, _processing, _rescheduled, _pending];
        Ids(first).Should().Equal(all[..2]);
        next.Should().Be(all[1]);
        Ids(second).Should().Equal(all[2..]);
        second.RootElement.GetProperty("nextAfter").ValueKind.Should().Be(JsonValueKind.Null);
        human.Output.Should().Contain($"2 entries. There may be more: add --after {all[1]}.");
    }

    [Fact]
    public async Task List_NoEntriesInThatState_SaysSo()
    {
        var run = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--state", "pending", "--after", _pending.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain($"No pending entries after id {_pending} in the SQLite inbox at '{_file}'.");
    }

    [Fact]
    public async Task Replay_FailedEntry_IsPendingAgainWithItsAttemptsReset()
    {
        var run = await CliRun.RunAsync("inbox", "replay", "--sqlite", _file, _failed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stats = await CliRun.RunAsync("inbox", "stats", "--sqlite", _file, "--json");
        var pending = await CliRun.RunAsync("inbox", "list", "--sqlite", _file, "--state", "pending", "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain($"Entry {_failed} (boooply interview.evaluation) was failed after 1 attempts; it is pending again");
        using var counts = JsonDocument.Parse(stats.Output);
        counts.RootElement.GetProperty("failed").GetInt64().Should().Be(0);
        counts.RootElement.GetProperty("pending").GetInt64().Should().Be(3);
        using var list = JsonDocument.Parse(pending.Output);
        var replayed = list.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetInt64() == _failed);
        replayed.GetProperty("attempts").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Replay_Json_ReportsTheStateBeforeAndAfter()
    {
        var run = await CliRun.RunAsync("inbox", "replay", _failed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sqlite", _file, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("action").GetString().Should().Be("replay");
        json.RootElement.GetProperty("id").GetInt64().Should().Be(_failed);
        json.RootElement.GetProperty("found").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("previousState").GetString().Should().Be("failed");
        json.RootElement.GetProperty("replayed").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("state").GetString().Should().Be("pending");
    }

    [Fact]
    public async Task Replay_EntryThatIsNotFailed_ExitsOneAndChangesNothing()
    {
        var run = await CliRun.RunAsync("inbox", "replay", "--sqlite", _file, _completed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = await CliRun.RunAsync("inbox", "replay", "--sqlite", _file, _processing.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        var stats = await CliRun.RunAsync("inbox", "stats", "--sqlite", _file);

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Output.Should().Contain($"Entry {_completed} is completed, not failed: only a failed entry can be replayed. Nothing changed.");
        json.ExitCode.Should().Be(CliExitCodes.Failure, json.All);
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("replayed").GetBoolean().Should().BeFalse();
        document.RootElement.GetProperty("state").GetString().Should().Be("processing");
        stats.Output.Should().MatchRegex(@"Completed:\s+1\b").And.MatchRegex(@"Processing:\s+1\b").And.MatchRegex(@"Failed:\s+1\b");
    }

    [Fact]
    public async Task Replay_UnknownId_ExitsOneAndSaysItIsNotThere()
    {
        var run = await CliRun.RunAsync("inbox", "replay", "--sqlite", _file, "999999");

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Output.Should().Contain($"No entry 999999 in the SQLite inbox at '{_file}'.");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("99999999999999999999")]
    public async Task Replay_BadId_IsAUsageError(string id)
    {
        var run = await CliRun.RunAsync("inbox", "replay", "--sqlite", _file, id);

        run.ExitCode.Should().Be(CliExitCodes.Usage, run.All);
        run.Error.Should().StartWith("error: the entry id must be a whole number");
    }

    [Fact]
    public async Task MissingFile_ExitsOneAndDoesNotCreateIt()
    {
        var missing = Path.Combine(_directory.FullName, "not-there.db");

        var run = await CliRun.RunAsync("inbox", "stats", "--sqlite", "Data Source=" + missing, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Error.Should().Contain($"There is no inbox database at '{missing}'");
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("error").GetString().Should().Be("store");
        File.Exists(missing).Should().BeFalse();
    }

    [Fact]
    public async Task SqliteFileThatIsNotAnInbox_ExitsOneAndIsLeftAlone()
    {
        var other = Path.Combine(_directory.FullName, "other.db");
        Execute(other, "CREATE TABLE customers (id INTEGER PRIMARY KEY);");

        var run = await CliRun.RunAsync("inbox", "list", "--sqlite", other);

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Error.Should().Contain("is an SQLite database but not a webhook inbox");
        Scalar(other, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'webhook%';").Should().Be(0);
    }

    [Fact]
    public async Task FileThatIsNotSqlite_ExitsOne()
    {
        var text = Path.Combine(_directory.FullName, "notes.txt");
        await File.WriteAllTextAsync(text, new string('x', 4096));

        var run = await CliRun.RunAsync("inbox", "stats", "--sqlite", text);

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Error.Should().Contain("not an SQLite database");
    }

    [Fact]
    public async Task NewerSchema_ExitsOneWithoutTouchingIt()
    {
        Execute(_file, "INSERT INTO webhook_inbox_schema (version, applied_at) VALUES (99, 0);");

        var run = await CliRun.RunAsync("inbox", "stats", "--sqlite", _file);

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        run.Error.Should().Contain("has schema version 99, newer than this tool reads (1)").And.Contain("Update the tool");
        Scalar(_file, "SELECT MAX(version) FROM webhook_inbox_schema;").Should().Be(99);
    }

    [Fact]
    public async Task PasswordInTheConnectionString_IsNeverPrinted()
    {
        var connectionString = $"Data Source={_file};Password=PW-SECRET-MARKER";
        var human = await CliRun.RunAsync("inbox", "stats", "--sqlite", connectionString);
        var json = await CliRun.RunAsync("inbox", "list", "--sqlite", connectionString, "--json");
        var missing = await CliRun.RunAsync("inbox", "stats", "--sqlite", $"Data Source={_file}.gone;Password=PW-SECRET-MARKER");
        var malformed = await CliRun.RunAsync("inbox", "stats", "--sqlite", "Data Source=x;Password='PW-SECRET-MARKER", "--json");

        human.ExitCode.Should().NotBe(CliExitCodes.Usage, human.All);
        human.All.Should().Contain(_file);
        missing.ExitCode.Should().Be(CliExitCodes.Failure, missing.All);
        malformed.ExitCode.Should().Be(CliExitCodes.Usage, malformed.All);
        (human.All + json.All + missing.All + malformed.All).Should().NotContain("PW-SECRET-MARKER");
    }

    [Theory]
    [InlineData("inbox", "stats")]
    [InlineData("inbox", "stats", "--sqlite", "x.db", "--postgresql", "Host=localhost")]
    [InlineData("inbox", "purge", "--sqlite", "x.db")]
    [InlineData("inbox", "stats", "extra", "--sqlite", "x.db")]
    [InlineData("inbox", "stats", "--sqlite", "x.db", "--state", "failed")]
    [InlineData("inbox", "list", "--sqlite", "x.db", "--state", "dead")]
    [InlineData("inbox", "list", "--sqlite", "x.db", "--limit", "0")]
    [InlineData("inbox", "list", "--sqlite", "x.db", "--limit", "1001")]
    [InlineData("inbox", "replay", "--sqlite", "x.db")]
    [InlineData("inbox", "stats", "--sqlite", "Data Source=:memory:")]
    [InlineData("inbox", "stats", "--sqlite", "")]
    public async Task WrongCommandLine_IsAUsageError(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(CliExitCodes.Usage, run.All);
        run.Error.Should().StartWith("error:");
        File.Exists("x.db").Should().BeFalse();
    }

    [Fact]
    public async Task PostgreSql_Unreachable_ExitsOneWithAStoreErrorThatNamesTheHostButNeverThePassword()
    {
        var run = await CliRun.RunAsync("inbox", "stats", "--postgresql", "Host=127.0.0.1;Port=1;Username=ops;Password=PG-SECRET-MARKER;Timeout=3", "--json");

        run.ExitCode.Should().Be(CliExitCodes.Failure, run.All);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("error").GetString().Should().Be("store");
        run.All.Should().NotContain("PG-SECRET-MARKER");
    }

    [Fact]
    public async Task PostgreSql_NotAConnectionString_IsAUsageErrorThatDoesNotEchoIt()
    {
        var run = await CliRun.RunAsync("inbox", "stats", "--postgresql", "NotAKey=PG-SECRET-MARKER");

        run.ExitCode.Should().Be(CliExitCodes.Usage, run.All);
        run.All.Should().NotContain("PG-SECRET-MARKER");
    }

    [Fact]
    public async Task Help_DescribesTheActionsAndOptions()
    {
        var run = await CliRun.RunAsync("help", "inbox");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain("stats|list|replay").And.Contain("--sqlite <connection string|path>").And.Contain("--postgresql").And.Contain("--after <id>");
    }

    private static string Line(string[] lines, long id) =>
        lines[1..^1].Single(l => l.StartsWith(id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));

    private static long[] Ids(JsonDocument json) =>
        json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();

    private static void Execute(string file, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
