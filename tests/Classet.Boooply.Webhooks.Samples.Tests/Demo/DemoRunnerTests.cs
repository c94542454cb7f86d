using Classet.Boooply.Webhooks.Cli.Events;
using Classet.Boooply.Webhooks.Demo;

namespace Classet.Boooply.Webhooks.Samples.Tests.Demo;

public sealed class DemoRunnerTests
{
    [Fact]
    public async Task RunAsync_FullDemo_EveryOutcomeAsExpectedAndExitsZero()
    {
        var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exit = await DemoRunner.RunAsync([], output, timeout.Token);

        var text = output.ToString();
        exit.Should().Be(0, text);
        text.Should().Contain("All 12 outcomes were the expected ones").And.NotContain("FAIL");

        // The delivery whose downstream failed twice: one 200 to the vendor, handled by the inbox on its third attempt.
        text.Should().MatchRegex(@"ATS down for 2 attempts\s+200\s+ok\s+attempt 3: ");
        foreach (var documented in WebhookEventCatalog.Documented)
        {
            text.Should().Contain(documented.EventType);
        }

        // What the handlers saw: the candidate, the outcome, the recommendation and the scores.
        text.Should().Contain("cand_12345678").And.Contain("completed").And.Contain("PASS").And.Contain("overall 72");
    }

    [Fact]
    public async Task RunAsync_FullDemo_NeverPrintsASecret()
    {
        var output = new StringWriter();

        await DemoRunner.RunAsync([], output);

        // The per-run secrets are random; a Boooply secret would show its prefix, a Classet one its 48 hex digits.
        output.ToString().Should().NotContain("whsec_").And.NotMatchRegex("[0-9a-f]{48}");
    }
}
