using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Samples.Simulator;
using Classet.Boooply.Webhooks.Samples.VerifyFile;

namespace Classet.Boooply.Webhooks.Samples.Tests.VerifyFile;

public sealed class VerifyFileCommandTests : IDisposable
{
    private const string Secret = "whsec_verify_file_test";
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Run_SignedBoooplyBody_VerifiesParsesAndExitsZero()
    {
        var body = SimulatedEvents.BoooplyEvaluation.GetBody();
        File.WriteAllBytes(_file, body);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(body, Secret), "--secret", Secret], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitOk);
        output.ToString().Should().Contain("Verified").And.Contain("BoooplyEvaluationEvent").And.Contain("PASS").And.Contain("Boooply-AI-1234567890").And.NotContain(Secret);
    }

    [Fact]
    public void Run_SignedClassetBody_VerifiesAndExitsZero()
    {
        var body = SimulatedEvents.ClassetInterviewUpdated.GetBody();
        File.WriteAllBytes(_file, body);

        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["classet", _file, ClassetWebhookSigner.Sign(body, "c-secret"), "--secret", "c-secret"], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitOk);
        output.ToString().Should().Contain("ClassetInterviewUpdatedEvent").And.Contain("cand_12345678").And.Contain("completed");
    }

    [Fact]
    public void Run_BodyWithATrailingNewline_FailsAndSaysWhy()
    {
        var body = SimulatedEvents.BoooplyScores.GetBody();
        File.WriteAllBytes(_file, [.. body, (byte)'\n']);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(body, Secret), "--secret", Secret], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitNotVerified);
        output.ToString().Should().Contain("SignatureMismatch").And.Contain("line break");
    }

    [Fact]
    public void Run_SecretWithoutItsPrefix_FailsAndPointsAtThePrefix()
    {
        var body = SimulatedEvents.BoooplyScores.GetBody();
        File.WriteAllBytes(_file, body);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(body, Secret), "--secret", Secret["whsec_".Length..]], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitNotVerified);
        output.ToString().Should().Contain("whsec_");
    }

    [Fact]
    public void Run_PrettyPrintedBody_FailsAndSaysItWasReformatted()
    {
        var compact = SimulatedEvents.ClassetInterviewUpdated.GetBody();
        var pretty = PrettyPrint(compact);
        File.WriteAllBytes(_file, pretty);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["classet", _file, ClassetWebhookSigner.Sign(compact, "c-secret"), "--secret", "c-secret"], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitNotVerified);
        output.ToString().Should().Contain("not the compact JSON");
    }

    [Fact]
    public void Run_PrettyPrintedBodyWithCanonicalOption_Verifies()
    {
        var compact = SimulatedEvents.BoooplyScores.GetBody();
        var pretty = PrettyPrint(compact);
        File.WriteAllBytes(_file, pretty);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(compact, Secret), "--secret", Secret, "--canonical"], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitOk, output.ToString());
        output.ToString().Should().Contain("Canonical");
    }

    [Fact]
    public void Run_RotatedSecrets_AcceptsTheSecondOne()
    {
        var body = SimulatedEvents.BoooplyRecording.GetBody();
        File.WriteAllBytes(_file, body);
        var output = new StringWriter();

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(body, Secret), "--secret", "whsec_old", "--secret", Secret], output, new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitOk);
        output.ToString().Should().Contain("secret #1");
    }

    [Fact]
    public void Run_SignedButNotJson_ExitsWithInvalidPayload()
    {
        var body = "{\"event\":\"interview.scores\",\"data\":"u8.ToArray();
        File.WriteAllBytes(_file, body);

        var exit = VerifyFileCommand.Run(["boooply", _file, BoooplyWebhookSigner.Sign(body, Secret), "--secret", Secret], new StringWriter(), new StringWriter());

        exit.Should().Be(VerifyFileCommand.ExitInvalidPayload);
    }

    [Theory]
    [InlineData("boooply")]
    [InlineData("stripe", "body.json", "sig", "--secret", "x")]
    [InlineData("boooply", "body.json", "sig", "--unknown")]
    public void Run_BadCommandLine_ExitsWithUsageCode(params string[] args)
    {
        VerifyFileCommand.Run(args, new StringWriter(), new StringWriter()).Should().Be(VerifyFileCommand.ExitUsage);
    }

    private static byte[] PrettyPrint(byte[] compact)
    {
        using var document = JsonDocument.Parse(compact);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
