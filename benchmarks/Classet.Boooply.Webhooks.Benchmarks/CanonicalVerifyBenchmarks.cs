using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// The cost of the opt-in canonical-JSON fallback on a reformatted Boooply evaluation, against merely parsing the same
/// bytes with <see cref="JsonDocument"/>: when the JavaScript form verifies (a real delivery reformatted on the way),
/// and when nothing matches (a forged delivery: the raw HMAC, then both canonical forms, all fail). The forged case is
/// what an unauthenticated sender can make the endpoint do per request.
/// </summary>
[MemoryDiagnoser]
public class CanonicalVerifyBenchmarks
{
    private const string Secret = "whsec_benchmark_secret";

    private const string EvaluationPrefix = """{"event":"interview.evaluation","data":{"meetingCode":"Boooply-AI-1234567890","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","summary":"Jane demonstrated strong technical skills in React and TypeScript...","oneLineSummary":"Strong React skills but needs improvement in system design","overallRating":3,"recommendation":"PASS","confidenceLevel":"HIGH","scores":{"overall":72,"communication":80,"technicalSkills":70,"problemSolving":65,"cultureFit":85,"experienceMatch":70},"recruiterSummary":{"tldr":"Solid mid-level React developer","quickDecision":"ADVANCE"},"questionsAsked":[""";

    private const string EvaluationSuffix = """],"ratingsForRecruiters":{"technicalSkills":70,"communication":80,"cultureFit":85,"overall":72},"timestamp":"2026-03-21T18:35:00.000Z"}}""";

    private byte[] _prettyBody = [];
    private string _signature = string.Empty;
    private string _forgedSignature = string.Empty;
    private BoooplyWebhookVerifier _verifier = null!;

    /// <summary>Approximate size of the compact signed body.</summary>
    [Params(3 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var compact = BuildCompactBody(Size);
        if (!WebhookJsonDiagnostics.IsCompactCanonicalJson(compact))
        {
            throw new InvalidOperationException("The benchmark body must be what JSON.stringify would sign.");
        }

        _signature = BoooplyWebhookSigner.Sign(compact, Secret);
        _prettyBody = Indent(compact);
        _verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret }, AllowCanonicalJsonSignatures = true });

        var result = _verifier.Verify(_prettyBody, _signature);
        if (result.Method != WebhookVerificationMethod.CanonicalJavaScript)
        {
            throw new InvalidOperationException($"Expected the canonical path to verify the pretty body, got {result}.");
        }

        _forgedSignature = BoooplyWebhookSigner.Sign(compact, "whsec_not_the_secret");
        if (_verifier.Verify(_prettyBody, _forgedSignature).Status != WebhookVerificationStatus.SignatureMismatch)
        {
            throw new InvalidOperationException("Expected the forged signature to be rejected.");
        }
    }

    [Benchmark(Baseline = true)]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_prettyBody);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public WebhookVerificationResult CanonicalVerify() => _verifier.Verify(_prettyBody, _signature);

    [Benchmark]
    public WebhookVerificationResult CanonicalVerifyForged() => _verifier.Verify(_prettyBody, _forgedSignature);

    private static byte[] BuildCompactBody(int size)
    {
        var builder = new StringBuilder(size + 256);
        builder.Append(EvaluationPrefix);
        for (var i = 0; builder.Length + EvaluationSuffix.Length < size; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append("{\"topic\":\"Technical\",\"question\":\"How do you handle state? #").Append(i)
                .Append("\",\"candidateAnswer\":\"I use hooks, context and a reducer for shared state.\",\"answerQuality\":4,\"score\":0.75,\"timestamp\":\"02:15\"}");
        }

        builder.Append(EvaluationSuffix);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Indent(byte[] compact)
    {
        using var document = JsonDocument.Parse(compact);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
