using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Cli.Tests.PackedTool;

/// <summary>
/// The packed tool, installed from a local feed, run as a process against the sample receiver on real Kestrel at
/// 127.0.0.1: what a team gets from <c>dotnet tool install</c>.
/// </summary>
public sealed class PackedToolTests(PackedToolFixture tool) : IClassFixture<PackedToolFixture>, IAsyncLifetime
{
    private const string ClassetSecret = "classet-PACKED-SECRET-MARKER";
    private const string BoooplySecret = "whsec_PACKED-SECRET-MARKER";
    private WebApplication _receiver = null!;
    private Uri _baseAddress = null!;
    private DirectoryInfo _inboxDirectory = null!;

    public async Task InitializeAsync()
    {
        _inboxDirectory = Directory.CreateTempSubdirectory("packed-tool-inbox-");
        _receiver = ReceiverApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:" + ReceiverApp.InboxConnectionStringName] = "Data Source=" + Path.Combine(_inboxDirectory.FullName, "inbox.db"),
                ["Webhooks:Classet:SigningSecrets:0"] = ClassetSecret,
                ["Webhooks:Boooply:SigningSecrets:0"] = BoooplySecret,
            });
            builder.Logging.ClearProviders();
        });
        await _receiver.StartAsync();
        _baseAddress = new Uri(_receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _inboxDirectory.Delete(recursive: true);
    }

    /// <summary>The receiver answers once a delivery is stored; its handlers run in the background.</summary>
    private async Task WaitForHandlersAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await ReceiverApp.WaitUntilInboxIdleAsync(_receiver.Services, timeout.Token);
    }

    [Fact]
    public async Task Send_DocumentedEvent_TheReceiverAnswers200AndItsHandlerRuns()
    {
        var run = await tool.RunAsync("send", "boooply", "evaluation", "--url", Url(ReceiverApp.BoooplyPath), "--secret", BoooplySecret);

        run.ExitCode.Should().Be(0, run.All);
        run.Output.Should().Contain("HTTP 200");
        await WaitForHandlersAsync();
        _receiver.Services.GetRequiredService<ReceivedWebhookLog>().GetEntries().Should().ContainSingle()
            .Which.Should().Match<ReceivedWebhook>(e => e.Kind == ReceivedWebhookKind.Handled && e.EventType == "interview.evaluation");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Send_WrongSecret_TheReceiverAnswers401AndTheToolExitsOne()
    {
        var run = await tool.RunAsync("send", "classet", "interview-updated", "--url", Url(ReceiverApp.ClassetPath), "--secret", ClassetSecret, "--wrong-secret");

        run.ExitCode.Should().Be(1, run.All);
        run.Output.Should().Contain("HTTP 401");
        await WaitForHandlersAsync();
        _receiver.Services.GetRequiredService<ReceivedWebhookLog>().Count.Should().Be(0);
    }

    [Fact]
    public async Task Simulate_MalformedBody_RetriesOnBoooplysScheduleAndReportsTheFailureAsJson()
    {
        var run = await tool.RunAsync("simulate", "boooply", "malformed", "--url", Url(ReceiverApp.BoooplyPath), "--secret", BoooplySecret, "--delay-scale", "0", "--json");

        run.ExitCode.Should().Be(1, run.All);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status").GetInt32()).Should().Equal(400, 400, 400, 400, 400);
        json.RootElement.GetProperty("vendorWouldRecord").GetString().Should().Contain("failed after 5 attempts");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Verify_CapturedBodyFile_VerifiesOrSaysWhy()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), BoooplySecret);
        var file = Path.Combine(tool.WorkDirectory, "scores.json");
        await File.WriteAllBytesAsync(file, delivery.Body.ToArray());
        var signature = delivery.GetHeader(BoooplyWebhookHeaders.Signature)!;

        var verified = await tool.RunAsync("verify", "--vendor", "boooply", "--secret", BoooplySecret, "--signature", signature, file);
        var wrongSecret = await tool.RunAsync("verify", "--vendor", "boooply", "--secret", "PACKED-SECRET-MARKER", "--signature", signature, file);

        verified.ExitCode.Should().Be(0, verified.All);
        verified.Output.Should().Contain("Verified (RawBody, secret #0)");
        wrongSecret.ExitCode.Should().Be(1, wrongSecret.All);
        wrongSecret.Output.Should().Contain("verifies with 'whsec_' in front of it");
        (verified.All + wrongSecret.All).Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task UsageError_ExitsTwoWithoutPrintingTheSecret()
    {
        var run = await tool.RunAsync("send", "boooply", "evaluation", "--url", BoooplySecret, "--secret", BoooplySecret);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("error:");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Inbox_ReadsTheRunningReceiversInboxFile()
    {
        var send = await tool.RunAsync("send", "boooply", "evaluation", "--url", Url(ReceiverApp.BoooplyPath), "--secret", BoooplySecret);
        send.ExitCode.Should().Be(0, send.All);
        await WaitForHandlersAsync();
        var file = Path.Combine(_inboxDirectory.FullName, "inbox.db");

        // While the receiver runs on the file, as an operator would.
        var stats = await tool.RunAsync("inbox", "stats", "--sqlite", $"Data Source={file};Password=PACKED-SECRET-MARKER-PW", "--json");
        var statsWithoutPassword = await tool.RunAsync("inbox", "stats", "--sqlite", file, "--json");
        var list = await tool.RunAsync("inbox", "list", "--sqlite", file, "--state", "completed");

        stats.All.Should().NotContain("SECRET-MARKER");
        statsWithoutPassword.ExitCode.Should().Be(0, statsWithoutPassword.All);
        using var json = JsonDocument.Parse(statsWithoutPassword.Output);
        json.RootElement.GetProperty("completed").GetInt64().Should().Be(1);
        json.RootElement.GetProperty("total").GetInt64().Should().Be(1);
        list.ExitCode.Should().Be(0, list.All);
        list.Output.Should().MatchRegex(@"boooply\s+interview\.evaluation\s+completed\s+1\b").And.Contain("1 entry.");
    }

    private string Url(string path) => new Uri(_baseAddress, path).ToString();
}
