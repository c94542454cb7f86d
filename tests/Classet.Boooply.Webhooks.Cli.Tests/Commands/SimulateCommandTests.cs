using System.Text.Json;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    private const string Secret = "whsec_SIMULATE-SECRET-MARKER";

    [Fact]
    public async Task Simulate_EndpointRecoversAfterFailures_ReportsEachAttemptAndWhatClassetWouldRecord()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500, 500, 200);

        var run = await CliRun.RunAsync("simulate", "classet", "interview-updated", "--url", endpoint.Url.ToString(), "--secret", "classet-SECRET-MARKER", "--delay-scale", "0");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain("attempt 1/4: HTTP 500").And.Contain("attempt 2/4: HTTP 500").And.Contain("attempt 3/4: HTTP 200");
        run.Output.Should().Contain("Classet would record: delivered on attempt 3 of 4.");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Simulate_EndpointAlwaysFails_MakesFiveBoooplyAttemptsAndExitsOne()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500);

        var run = await CliRun.RunAsync("simulate", "boooply", "scores", "--url", endpoint.Url.ToString(), "--secret", Secret, "--delay-scale", "0");

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        endpoint.RequestCount.Should().Be(5);
        run.Output.Should().Contain("attempt 5/5: HTTP 500").And.Contain("Boooply would record: failed after 5 attempts");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Simulate_Json_PrintsOneObjectWithEveryAttempt()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(503, 200);

        var run = await CliRun.RunAsync("simulate", "boooply", "evaluation", "--url", endpoint.Url.ToString(), "--secret", Secret, "--fast", "--schedule", "long", "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("command").GetString().Should().Be("simulate");
        root.GetProperty("delivered").GetBoolean().Should().BeTrue();
        root.GetProperty("policy").GetString().Should().Contain("long reading");
        root.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("status").GetInt32()).Should().Equal(503, 200);
        root.GetProperty("vendorWouldRecord").GetString().Should().Contain("delivered on attempt 2 of 5");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Simulate_PayloadFile_SendsTheFileBytesUnchangedWithHeadersFromTheBody()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var file = Path.GetTempFileName();
        try
        {
            var bytes = """{ "event": "interview.scores", "data": { "meetingCode": "custom-1" } }"""u8.ToArray();
            await File.WriteAllBytesAsync(file, bytes);

            var run = await CliRun.RunAsync("simulate", "boooply", "--payload", file, "--url", endpoint.Url.ToString(), "--secret", Secret, "--fast");

            run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
            endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
            request!.Body.Should().Equal(bytes);
            request.Headers["X-Boooply-Meeting-Id"].Should().Be("custom-1");
            request.Headers["X-Boooply-Event"].Should().Be("interview.scores");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("simulate", "boooply")]
    [InlineData("simulate", "zoom", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret)]
    [InlineData("simulate", Secret, "evaluation", "--url", "http://127.0.0.1:1/")]
    [InlineData("simulate", "boooply", "interview-updated", "--url", "http://127.0.0.1:1/", "--secret", Secret)]
    [InlineData("simulate", "boooply", "evaluation", "--secret", Secret)]
    [InlineData("simulate", "boooply", "evaluation", "--url", Secret, "--secret", Secret)]
    [InlineData("simulate", "boooply", "evaluation", "--url", "ftp://127.0.0.1/", "--secret", Secret)]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--delay-scale", "-1")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--delay-scale", "1e300")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--delay-scale", "NaN")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--timeout", "0")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--timeout", "Infinity")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--api-key", "k")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--schedule", "medium")]
    [InlineData("simulate", "classet", "interview-updated", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--schedule", "long")]
    [InlineData("simulate", "classet", "interview-updated", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--timestamp", "now")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--pretty", "--python")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--secret", Secret)]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--bogus")]
    [InlineData("simulate", "boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", Secret, "--" + Secret)]
    [InlineData("simulate", "boooply", "--payload", Secret, "--url", "http://127.0.0.1:1/", "--secret", Secret)]
    [InlineData("teleport", Secret)]
    public async Task Simulate_BadCommandLine_ExitsTwoAndNeverRepeatsTheSecret(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(CliExitCodes.Usage);
        run.Error.Should().StartWith("error:");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Simulate_BadCommandLineWithJson_AlsoPrintsAJsonError()
    {
        var run = await CliRun.RunAsync("simulate", "boooply", "evaluation", "--secret", Secret, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Usage);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("error").GetString().Should().Be("usage");
        json.RootElement.GetProperty("message").GetString().Should().Contain("--url");
    }

    [Fact]
    public async Task Events_ListsEveryDocumentedEventOfBothVendors()
    {
        var run = await CliRun.RunAsync("events");

        run.ExitCode.Should().Be(CliExitCodes.Success);
        foreach (var eventType in new[] { "candidate.interview.updated", "call_completed", "interview.transcript", "interview.evaluation", "interview.scores", "interview.recording" })
        {
            run.Output.Should().Contain(eventType);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help", "simulate")]
    [InlineData("simulate", "--help")]
    public async Task Help_PrintsUsageAndExitsZero(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(CliExitCodes.Success);
        run.Output.Should().Contain("Usage");
    }

    [Fact]
    public async Task NoArguments_PrintsUsageAndExitsTwo()
    {
        (await CliRun.RunAsync()).ExitCode.Should().Be(CliExitCodes.Usage);
    }
}
