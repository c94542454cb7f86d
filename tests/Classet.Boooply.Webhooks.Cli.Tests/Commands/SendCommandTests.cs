using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Tests.Commands;

public sealed class SendCommandTests
{
    private const string Secret = "whsec_SEND-SECRET-MARKER";
    private const string ClassetSecret = "classet-SEND-SECRET-MARKER";

    [Fact]
    public async Task Send_BoooplyEvaluation_SendsTheDocumentedExampleWithEveryHeaderOnceAndPrintsTheStatus()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);

        var run = await CliRun.RunAsync("send", "boooply", "evaluation", "--url", endpoint.Url.ToString(), "--secret", Secret);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().MatchRegex(@"HTTP 200 in \d+ ms");
        run.All.Should().NotContain("SECRET-MARKER");
        endpoint.RequestCount.Should().Be(1);
        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        request!.Body.Should().Equal(BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray());
        request.ContentType.Should().Be("application/json");
        request.Headers[BoooplyWebhookHeaders.Event].Should().Be("interview.evaluation");
        request.Headers[BoooplyWebhookHeaders.Platform].Should().Be("custom");
        request.Headers[BoooplyWebhookHeaders.MeetingId].Should().Be("Boooply-AI-1234567890");
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
        verifier.Verify(request.Body, request.Headers[BoooplyWebhookHeaders.Signature]).IsVerified.Should().BeTrue();
        verifier.VerifyBearerToken(request.Headers[BoooplyWebhookHeaders.Authorization]).IsVerified.Should().BeTrue();
    }

    [Fact]
    public async Task Send_Rejected_ExitsOneWithoutRetrying()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(401);

        var run = await CliRun.RunAsync("send", "classet", "interview-updated", "--url", endpoint.Url.ToString(), "--secret", ClassetSecret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("HTTP 401");
        endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Send_NobodyListening_ExitsOneAndSaysThereWasNoAnswer()
    {
        var run = await CliRun.RunAsync("send", "boooply", "scores", "--url", "http://127.0.0.1:1/hook", "--secret", Secret, "--timeout", "10");

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("no answer");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Send_ReformattingOptions_SendTheReformattedBodySignedOverTheCompactOne()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);

        await CliRun.RunAsync("send", "classet", "interview-updated", "--url", endpoint.Url.ToString(), "--secret", ClassetSecret, "--pretty");
        await CliRun.RunAsync("send", "boooply", "scores", "--url", endpoint.Url.ToString(), "--secret", Secret, "--no-signature");
        await CliRun.RunAsync("send", "boooply", "scores", "--url", endpoint.Url.ToString(), "--secret", Secret, "--wrong-secret");

        var requests = endpoint.Requests.ToArray();
        var compact = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).Body.ToArray();
        requests[0].Body.Should().Equal(WebhookTestJson.ToJavaScriptIndented(compact));
        requests[0].Headers[ClassetWebhookHeaders.Signature].Should().Be(ClassetWebhookSigner.Sign(compact, ClassetSecret));
        requests[1].Headers.Should().NotContainKey(BoooplyWebhookHeaders.Signature);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
        verifier.Verify(requests[2].Body, requests[2].Headers[BoooplyWebhookHeaders.Signature]).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
    }

    [Fact]
    public async Task Send_TimestampNow_SignsACurrentDataTimestamp()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var run = await CliRun.RunAsync("send", "boooply", "recording", "--url", endpoint.Url.ToString(), "--secret", Secret, "--timestamp", "now");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        var sent = BoooplyWebhookSerializer.Deserialize(request!.Body);
        sent.Timestamp.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
        new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } })
            .Verify(request.Body, request.Headers[BoooplyWebhookHeaders.Signature]).IsVerified.Should().BeTrue();
    }

    [Fact]
    public async Task Send_ClassetApiKey_SendsTheLegacyHeaderInsteadOfASignature()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);

        await CliRun.RunAsync("send", "classet", "interview-updated", "--url", endpoint.Url.ToString(), "--api-key", "org-api-key");

        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        request!.Headers[ClassetWebhookHeaders.ApiKey].Should().Be("org-api-key");
        request.Headers.Should().NotContainKey(ClassetWebhookHeaders.Signature);
    }

    [Fact]
    public async Task Send_Json_PrintsStatusHeaderNamesAndNoSecret()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(202);

        var run = await CliRun.RunAsync("send", "boooply", "transcript", "--url", endpoint.Url.ToString(), "--secret", Secret, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("status").GetInt32().Should().Be(202);
        json.RootElement.GetProperty("delivered").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("headers").EnumerateArray().Select(h => h.GetString()).Should().Contain("Authorization");
        run.All.Should().NotContain("SECRET-MARKER");
    }
}
