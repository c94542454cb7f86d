using Classet.Boooply.Webhooks.Samples.Simulator;
using Classet.Boooply.Webhooks.Samples.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Samples.Tests.Simulator;

public sealed class SimulatorCliTests
{
    [Fact]
    public async Task RunAsync_EndpointRecoversAfterFailures_ReportsEachAttemptAndExitsZero()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500, 500, 200);
        var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync(
            ["classet", "interview-updated", "--url", endpoint.Url.ToString(), "--secret", "cli-secret", "--delay-scale", "0"],
            output,
            new StringWriter());

        exit.Should().Be(SimulatorCli.ExitDelivered);
        var report = output.ToString();
        report.Should().Contain("attempt 1/4: HTTP 500").And.Contain("attempt 2/4: HTTP 500").And.Contain("attempt 3/4: HTTP 200");
        report.Should().Contain("Delivered on attempt 3.");
        report.Should().NotContain("cli-secret");
    }

    [Fact]
    public async Task RunAsync_EndpointAlwaysFails_ExitsNonZeroAfterFiveBoooplyAttempts()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500);
        var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync(
            ["boooply", "scores", "--url", endpoint.Url.ToString(), "--secret", "whsec_cli", "--delay-scale", "0"],
            output,
            new StringWriter());

        exit.Should().Be(SimulatorCli.ExitNotDelivered);
        endpoint.RequestCount.Should().Be(5);
        output.ToString().Should().Contain("attempt 5/5: HTTP 500").And.NotContain("whsec_cli");
    }

    [Fact]
    public async Task RunAsync_CustomPayloadFile_SendsTheFileBytesUnchanged()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var file = Path.GetTempFileName();
        try
        {
            var bytes = """{ "event": "interview.scores", "data": { "meetingCode": "custom-1" } }"""u8.ToArray();
            await File.WriteAllBytesAsync(file, bytes);

            var exit = await SimulatorCli.RunAsync(
                ["boooply", "scores", "--url", endpoint.Url.ToString(), "--secret", "whsec_cli", "--payload", file, "--fast"],
                new StringWriter(),
                new StringWriter());

            exit.Should().Be(SimulatorCli.ExitDelivered);
            endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
            request!.Body.Should().Equal(bytes);
            request.Headers["X-Boooply-Meeting-Id"].Should().Be("custom-1");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("boooply")]
    [InlineData("zoom", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x")]
    [InlineData("boooply", "interview-updated", "--url", "http://127.0.0.1:1/", "--secret", "x")]
    [InlineData("boooply", "evaluation", "--secret", "x")]
    [InlineData("boooply", "evaluation", "--url", "ftp://127.0.0.1/", "--secret", "x")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--delay-scale", "-1")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--delay-scale", "1e300")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--delay-scale", "NaN")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--timeout", "0")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--timeout", "1e300")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--timeout", "Infinity")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--api-key", "k")]
    [InlineData("boooply", "evaluation", "--url", "http://127.0.0.1:1/", "--secret", "x", "--bogus")]
    public async Task RunAsync_BadCommandLine_ExitsWithUsageCode(params string[] args)
    {
        var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(args, new StringWriter(), error);

        exit.Should().Be(SimulatorCli.ExitUsage);
        error.ToString().Should().StartWith("error:");
    }

    [Fact]
    public async Task RunAsync_List_PrintsEveryEvent()
    {
        var output = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["list"], output, new StringWriter());

        exit.Should().Be(SimulatorCli.ExitDelivered);
        foreach (var simulated in SimulatedEvents.All)
        {
            output.ToString().Should().Contain(simulated.CommandLine);
        }
    }
}
