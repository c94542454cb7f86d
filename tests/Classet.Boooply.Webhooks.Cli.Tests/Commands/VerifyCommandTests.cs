using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Tests.Commands;

public sealed class VerifyCommandTests : IDisposable
{
    private const string Secret = "whsec_VERIFY-SECRET-MARKER";
    private const string ClassetSecret = "classet-VERIFY-SECRET-MARKER";
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Verify_SignedBoooplyBody_VerifiesSaysTheEventAndKeyAndExitsZero()
    {
        var body = Evaluation();

        var run = await VerifyAsync("boooply", body, BoooplyWebhookSigner.Sign(body, Secret), Secret);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain("Verified (RawBody, secret #0)").And.Contain("interview.evaluation").And.Contain("Boooply-AI-1234567890:interview.evaluation");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Verify_SignedClassetBody_VerifiesAndGivesTheBodyHashAsKey()
    {
        var body = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).Body.ToArray();

        var run = await VerifyAsync("classet", body, ClassetWebhookSigner.Sign(body, ClassetSecret), ClassetSecret);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain("candidate.interview.updated").And.Contain(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)).ToLowerInvariant());
    }

    [Fact]
    public async Task Verify_TrailingNewline_ProvesItIsTheCause()
    {
        var body = Evaluation();

        var run = await VerifyAsync("boooply", [.. body, (byte)'\n'], BoooplyWebhookSigner.Sign(body, Secret), Secret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("SignatureMismatch").And.Contain("Found: The body verifies without its trailing line break");
    }

    [Fact]
    public async Task Verify_SecretWithoutItsPrefix_ProvesThePrefixIsMissing()
    {
        var body = Evaluation();

        var run = await VerifyAsync("boooply", body, BoooplyWebhookSigner.Sign(body, Secret), Secret["whsec_".Length..]);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("Found: Secret #0 verifies with 'whsec_' in front of it");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task Verify_SenderStrippedThePrefix_SaysSo()
    {
        var body = Evaluation();

        var run = await VerifyAsync("boooply", body, BoooplyWebhookSigner.Sign(body, Secret["whsec_".Length..]), Secret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("minus its 'whsec_' prefix");
    }

    [Fact]
    public async Task Verify_PrettyPrintedBody_ProvesItWasReformattedAndVerifiesWithCanonical()
    {
        var delivery = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).PrettyPrinted();
        var signature = delivery.GetHeader(ClassetWebhookHeaders.Signature)!;

        var run = await VerifyAsync("classet", delivery.Body.ToArray(), signature, ClassetSecret);
        var canonical = await VerifyAsync("classet", delivery.Body.ToArray(), signature, ClassetSecret, "--canonical");

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("compact JSON as the vendors send it: no").And.Contain("Found: The signature matches the body re-serialized as JSON.stringify");
        canonical.ExitCode.Should().Be(CliExitCodes.Success, canonical.All);
        canonical.Output.Should().Contain("CanonicalJavaScript");
    }

    [Fact]
    public async Task Verify_SignedOverPythonsForm_SaysThePythonFormMatches()
    {
        var body = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(d => d with { CandidateName = "José Núñez" }), Secret).Body.ToArray();
        var pythonSignature = BoooplyWebhookSigner.Sign(WebhookTestJson.ToPythonCompact(body), Secret);

        var run = await VerifyAsync("boooply", body, pythonSignature, Secret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("Found: The signature matches the body re-serialized as Python's json.dumps");
    }

    [Fact]
    public async Task Verify_OtherVendorsDelivery_SaysWhichVendorSentIt()
    {
        var body = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), Secret).Body.ToArray();

        var run = await VerifyAsync("boooply", body, ClassetWebhookSigner.Sign(body, Secret), Secret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("this is a classet delivery");
    }

    [Fact]
    public async Task Verify_RotatedSecrets_AcceptsTheSecondOne()
    {
        var body = Evaluation();
        await File.WriteAllBytesAsync(_file, body);

        var run = await CliRun.RunAsync("verify", "--vendor", "boooply", "--secret", "whsec_old", "--secret", Secret, "--signature", BoooplyWebhookSigner.Sign(body, Secret), _file);

        run.ExitCode.Should().Be(CliExitCodes.Success, run.All);
        run.Output.Should().Contain("secret #1");
    }

    [Fact]
    public async Task Verify_SignedButNotAPayload_ExitsOneAndSaysTheEndpointAnswers400()
    {
        var body = BoooplyTestEvents.MalformedBody(WebhookTestMalformation.MissingRequiredField);

        var run = await VerifyAsync("boooply", body, BoooplyWebhookSigner.Sign(body, Secret), Secret);

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        run.Output.Should().Contain("Verified").And.Contain("not a valid boooply payload").And.Contain("400");
    }

    [Fact]
    public async Task Verify_Json_ListsTheFindingsForScripts()
    {
        var body = Evaluation();
        await File.WriteAllBytesAsync(_file, [.. body, (byte)'\n']);

        var run = await CliRun.RunAsync("verify", "--vendor", "boooply", "--secret", Secret, "--signature", BoooplyWebhookSigner.Sign(body, Secret), _file, "--json");

        run.ExitCode.Should().Be(CliExitCodes.Failure);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("verified").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("status").GetString().Should().Be("SignatureMismatch");
        json.RootElement.GetProperty("findings").EnumerateArray()
            .Should().Contain(f => f.GetProperty("code").GetString() == "trailing-line-break" && f.GetProperty("certain").GetBoolean());
        run.All.Should().NotContain("SECRET-MARKER");
    }

    [Theory]
    [InlineData("verify", "--vendor", "boooply", "--secret", Secret, "--signature", "abc")]
    [InlineData("verify", "--vendor", "stripe", "--secret", Secret, "--signature", "abc", "body.json")]
    [InlineData("verify", "--vendor", Secret, "--signature", "abc", "body.json")]
    [InlineData("verify", "--vendor", "boooply", "--secret", Secret, "body.json")]
    [InlineData("verify", "--vendor", "boooply", "--secret", "", "--signature", "abc", "body.json")]
    [InlineData("verify", "--vendor", "boooply", "--secret", Secret, "--signature", "abc", Secret)]
    [InlineData("verify", "--vendor", "boooply", "--signature", "abc", "--secret", Secret, "--unknown", "body.json")]
    public async Task Verify_BadCommandLine_ExitsTwoAndNeverRepeatsTheSecret(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(CliExitCodes.Usage);
        run.Error.Should().StartWith("error:");
        run.All.Should().NotContain("SECRET-MARKER");
    }

    private static byte[] Evaluation() => BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray();

    private async Task<CliRun> VerifyAsync(string vendor, byte[] body, string signature, string secret, params string[] extra)
    {
        await File.WriteAllBytesAsync(_file, body);
        return await CliRun.RunAsync(["verify", "--vendor", vendor, "--secret", secret, "--signature", signature, _file, .. extra]);
    }
}
