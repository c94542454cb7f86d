using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// End to end through the public verifiers, with signatures computed by real node and python3 exactly as the vendors'
/// documented code does, and bodies reformatted on the way.
/// </summary>
public sealed class CanonicalSignatureVerificationTests
{
    public static TheoryData<string> ClassetFiles() => ["Classet/candidate-interview-updated.json", "Classet/call-completed.json"];

    public static TheoryData<string> BoooplyFiles() =>
        ["Boooply/interview-transcript.json", "Boooply/interview-evaluation.json", "Boooply/interview-scores.json", "Boooply/interview-recording.json", "Canonical/boooply-scores-non-ascii.json"];

    [Theory]
    [MemberData(nameof(ClassetFiles))]
    public void ClassetVerify_ReformattedBodySignedByNode_VerifiesAsCanonicalJavaScriptOnlyWhenAllowed(string file)
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText(file), CanonicalTestBodies.ClassetSecret);

        foreach (var body in Reformatted(signature, CanonicalCorpus.ReadCorpusFile(file)))
        {
            var allowed = Classet(allow: true).Verify(body, signature.Base64Url);
            allowed.IsVerified.Should().BeTrue();
            allowed.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
            allowed.SecretIndex.Should().Be(0);
            allowed.CanonicalBody.ToArray().Should().Equal(signature.Canonical);
            allowed.GetSignedBody(body).ToArray().Should().Equal(signature.Canonical);

            Classet(allow: false).Verify(body, signature.Base64Url).Should().Be(WebhookVerificationResult.Mismatch);
        }
    }

    [Theory]
    [MemberData(nameof(BoooplyFiles))]
    public void BoooplyVerify_ReformattedBodySignedByNode_VerifiesAsCanonicalJavaScriptOnlyWhenAllowed(string file)
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText(file), CanonicalTestBodies.BoooplySecret);

        foreach (var body in Reformatted(signature, CanonicalCorpus.ReadCorpusFile(file)))
        {
            var allowed = Boooply(allow: true).Verify(body, signature.Hex);
            allowed.IsVerified.Should().BeTrue();
            allowed.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
            allowed.CanonicalBody.ToArray().Should().Equal(signature.Canonical);

            Boooply(allow: false).Verify(body, signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);
        }
    }

    [Theory]
    [MemberData(nameof(BoooplyFiles))]
    public void BoooplyVerify_ReformattedBodySignedByPython_VerifiesAsCanonicalPythonOnlyWhenAllowed(string file)
    {
        var text = CanonicalTestBodies.ReadText(file);
        var python = ReferenceRuntimes.SignWithPython(text, CanonicalTestBodies.BoooplySecret);
        var node = ReferenceRuntimes.SignWithNode(text, CanonicalTestBodies.BoooplySecret);

        // For an all-ASCII payload without floats the two forms are the same bytes, and the JavaScript form is tried
        // first; the signed bytes are what matters either way.
        var expectedMethod = python.Canonical.AsSpan().SequenceEqual(node.Canonical)
            ? WebhookVerificationMethod.CanonicalJavaScript
            : WebhookVerificationMethod.CanonicalPython;

        foreach (var body in Reformatted(node, CanonicalCorpus.ReadCorpusFile(file)))
        {
            var allowed = Boooply(allow: true).Verify(body, python.Hex);
            allowed.IsVerified.Should().BeTrue();
            allowed.Method.Should().Be(expectedMethod);
            allowed.CanonicalBody.ToArray().Should().Equal(python.Canonical);

            Boooply(allow: false).Verify(body, python.Hex).Should().Be(WebhookVerificationResult.Mismatch);
        }
    }

    [Fact]
    public void BoooplyVerify_NonAsciiCandidateNameSignedByPython_VerifiesAsCanonicalPythonFromUtf8Body()
    {
        const string payload = """{"event":"interview.scores","data":{"meetingCode":"Boooply-AI-1","candidateName":"José Müller 李小龍 😀","overallRating":3,"timestamp":"2026-03-21T18:35:00.000Z"}}""";
        var python = ReferenceRuntimes.SignWithPython(payload, CanonicalTestBodies.BoooplySecret);
        var rawUtf8 = Encoding.UTF8.GetBytes(payload);

        var result = Boooply(allow: true).Verify(rawUtf8, python.Hex);

        Encoding.ASCII.GetString(python.Canonical).Should().Contain("Jos\\u00e9 M\\u00fcller \\u674e\\u5c0f\\u9f8d \\ud83d\\ude00");
        result.IsVerified.Should().BeTrue();
        result.Method.Should().Be(WebhookVerificationMethod.CanonicalPython);
        result.CanonicalBody.ToArray().Should().Equal(python.Canonical);
        Boooply(allow: false).Verify(rawUtf8, python.Hex).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Fact]
    public void Verify_CompactBodyAsSigned_VerifiesAsRawBodyWithoutCanonicalBytes()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-evaluation.json"), CanonicalTestBodies.BoooplySecret);

        var result = Boooply(allow: true).Verify(signature.Canonical, signature.Hex);

        result.Method.Should().Be(WebhookVerificationMethod.RawBody);
        result.CanonicalBody.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Verify_IntegerLikeKeysSentOutOfOrder_VerifiesBecauseJavaScriptSortsThem()
    {
        const string sent = """{"event":"interview.scores","data":{"scores":{"2":70,"10":65,"1":80,"overall":72,"0":1}}}""";
        var signature = ReferenceRuntimes.SignWithNode(sent, CanonicalTestBodies.BoooplySecret);

        Encoding.UTF8.GetString(signature.Canonical).Should().Contain("""{"0":1,"1":80,"2":70,"10":65,"overall":72}""");
        var result = Boooply(allow: true).Verify(Encoding.UTF8.GetBytes(sent), signature.Hex);

        result.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        result.CanonicalBody.ToArray().Should().Equal(signature.Canonical);
        Boooply(allow: false).Verify(Encoding.UTF8.GetBytes(sent), signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData("""{"data":{"overallRating":3},"event":"interview.scores"}""")]
    [InlineData("""{"event":"interview.scores","data":{"recommendation":"PASS","overallRating":3}}""")]
    [InlineData("""{"event":"interview.scores","data":{"overallRating":3,"01":1,"recommendation":"PASS"}}""")]
    public void Verify_OrdinaryKeysReordered_FailsBecauseNeitherRuntimeReordersThem(string sent)
    {
        const string signed = """{"event":"interview.scores","data":{"overallRating":3,"recommendation":"PASS","01":1}}""";
        var node = ReferenceRuntimes.SignWithNode(signed, CanonicalTestBodies.BoooplySecret);
        var python = ReferenceRuntimes.SignWithPython(signed, CanonicalTestBodies.BoooplySecret);
        var body = Encoding.UTF8.GetBytes(sent);

        Boooply(allow: true).Verify(body, node.Hex).Should().Be(WebhookVerificationResult.Mismatch);
        Boooply(allow: true).Verify(body, python.Hex).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Fact]
    public void Verify_NumbersRespelled_VerifiesAsCanonicalJavaScript()
    {
        const string signed = """{"event":"interview.scores","data":{"overallRating":3,"scores":{"overall":72,"communication":100},"weight":0.5,"big":1e21}}""";
        const string sent = """{"event":"interview.scores","data":{"overallRating":3.0,"scores":{"overall":7.20e1,"communication":1e2},"weight":5E-1,"big":1000e18}}""";
        var signature = ReferenceRuntimes.SignWithNode(signed, CanonicalTestBodies.BoooplySecret);

        var result = Classet(allow: true, secret: CanonicalTestBodies.BoooplySecret).Verify(Encoding.UTF8.GetBytes(sent), signature.Base64Url);

        result.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        result.CanonicalBody.ToArray().Should().Equal(signature.Canonical);
        Classet(allow: false, secret: CanonicalTestBodies.BoooplySecret).Verify(Encoding.UTF8.GetBytes(sent), signature.Base64Url).IsVerified.Should().BeFalse();
    }

    [Fact]
    public void Verify_IntegerRespelledAsFloatUnderPythonSignature_FailsBecausePythonKeepsIntAndFloatApart()
    {
        // With a non-ASCII value the JavaScript form (raw UTF-8) can never equal Python's (ensure_ascii), so only the
        // Python form can verify, and json.dumps prints 3.0 for the float 3.0 where the signer had the int 3.
        // (For an all-ASCII payload "3.0" would verify, through the JavaScript form, because the bytes coincide.)
        const string signed = """{"event":"interview.scores","data":{"candidateName":"Zoë","overallRating":3}}""";
        var python = ReferenceRuntimes.SignWithPython(signed, CanonicalTestBodies.BoooplySecret);

        Boooply(allow: true).Verify(Encoding.UTF8.GetBytes("""{"event":"interview.scores","data":{"candidateName":"Zoë","overallRating":3.0}}"""), python.Hex)
            .Should().Be(WebhookVerificationResult.Mismatch);
        Boooply(allow: true).Verify(Encoding.UTF8.GetBytes("""{ "event" : "interview.scores", "data" : { "candidateName" : "Zo\u00EB", "overallRating" : 3 } }"""), python.Hex)
            .Method.Should().Be(WebhookVerificationMethod.CanonicalPython);
    }

    [Theory]
    [InlineData("\"PASS\"", "\"FAIL\"")]
    [InlineData("\"overall\": 72", "\"overall\": 73")]
    [InlineData("\"overall\": 72", "\"overall\": 72.5")]
    [InlineData("\"overall\": 72", "\"overall\": \"72\"")]
    [InlineData("\"Jane Doe\"", "\"Jane  Doe\"")]
    [InlineData("\"Jane Doe\"", "\"jane doe\"")]
    [InlineData("\"sourceId\": \"org_7234567890\"", "\"sourceId\": null")]
    [InlineData("\"overallRating\": 3,", "")]
    [InlineData("\"overallRating\": 3,", "\"overallRating\": 3, \"extra\": true,")]
    [InlineData("\"oneLineSummary\"", "\"onelinesummary\"")]
    public void BoooplyVerify_ValueChanged_FailsWithEitherSetting(string original, string replacement)
    {
        var text = CanonicalTestBodies.ReadText("Boooply/interview-scores.json");
        var node = ReferenceRuntimes.SignWithNode(text, CanonicalTestBodies.BoooplySecret);
        var python = ReferenceRuntimes.SignWithPython(text, CanonicalTestBodies.BoooplySecret);
        text.Should().Contain(original);
        var body = Encoding.UTF8.GetBytes(text.Replace(original, replacement, StringComparison.Ordinal));

        foreach (var allow in new[] { true, false })
        {
            Boooply(allow).Verify(body, node.Hex).Should().Be(WebhookVerificationResult.Mismatch);
            Boooply(allow).Verify(body, python.Hex).Should().Be(WebhookVerificationResult.Mismatch);
        }
    }

    [Theory]
    [InlineData("\"interview_outcome\": \"completed\"", "\"interview_outcome\": \"qualified\"")]
    [InlineData("\"cand_12345678\"", "\"cand_12345679\"")]
    [InlineData("\"2025-04-15T16:00:00Z\",\n    \"interview_sent_at\"", "\"2025-04-15T16:00:01Z\",\n    \"interview_sent_at\"")]
    [InlineData("\"can_lift_50lbs\": true", "\"can_lift_50lbs\": false")]
    [InlineData("\"can_lift_50lbs\": true", "\"can_lift_50lbs\": \"true\"")]
    [InlineData("\"can_lift_50lbs\": true", "\"can_lift_50lbs\": 1")]
    [InlineData("\"from\": null,\n      \"to\": \"completed\"", "\"from\": \"\",\n      \"to\": \"completed\"")]
    [InlineData("\"eligible_to_work\": true\n", "\"eligible_to_work\": true,\n      \"extra\": true\n")]
    [InlineData("\"interview_summary\"", "\"interview_Summary\"")]
    public void ClassetVerify_ValueChanged_FailsWithEitherSetting(string original, string replacement)
    {
        var text = CanonicalTestBodies.ReadText("Classet/candidate-interview-updated.json").ReplaceLineEndings("\n");
        var node = ReferenceRuntimes.SignWithNode(text, CanonicalTestBodies.ClassetSecret);
        text.Should().Contain(original);
        var changed = text.Replace(original, replacement, StringComparison.Ordinal);
        changed.Should().NotBe(text);
        var body = Encoding.UTF8.GetBytes(changed);

        foreach (var allow in new[] { true, false })
        {
            Classet(allow).Verify(body, node.Base64Url).Should().Be(WebhookVerificationResult.Mismatch);
        }

        Classet(allow: true).Verify(Encoding.UTF8.GetBytes(text), node.Base64Url).IsVerified.Should().BeTrue("the unchanged pretty-printed fixture verifies");
    }

    [Fact]
    public void Verify_DuplicateKeyWhoseLastValueRestoresSignedForm_Fails()
    {
        // JSON.parse keeps the first position and the last value, so JSON.stringify of this body is exactly the signed
        // text, while a first-wins parser would read "FORGED". Refusing duplicates closes that gap.
        const string signed = """{"event":"interview.scores","data":{"overallRating":3}}""";
        const string sent = """{"event":"FORGED","data":{"overallRating":3},"event":"interview.scores"}""";
        var signature = ReferenceRuntimes.SignWithNode(signed, CanonicalTestBodies.BoooplySecret);
        ReferenceRuntimes.JavaScriptCanonical([Encoding.UTF8.GetBytes(sent)])[0].Should().Equal(signature.Canonical);

        Boooply(allow: true).Verify(Encoding.UTF8.GetBytes(sent), signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Theory]
    [InlineData("""{"id":123456789012345680000}""", """{"id":123456789012345678901}""")]
    [InlineData("""{"id":9007199254740992}""", """{"id":9007199254740993}""")]
    [InlineData("""{"x":null}""", """{"x":1e400}""")]
    [InlineData("""{"x":0}""", """{"x":1e-400}""")]
    public void Verify_NumberThatJavaScriptRoundsToSignedValue_Fails(string signedPayload, string sent)
    {
        var signature = ReferenceRuntimes.SignWithNode(signedPayload, CanonicalTestBodies.ClassetSecret);
        ReferenceRuntimes.JavaScriptCanonical([Encoding.UTF8.GetBytes(sent)])[0].Should().Equal(signature.Canonical, "node maps the sent number onto the signed text");

        Classet(allow: true).Verify(Encoding.UTF8.GetBytes(sent), signature.Base64Url).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Fact]
    public void Verify_SecondSecretSigned_ReportsItsIndex()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-recording.json"), CanonicalTestBodies.BoooplySecret);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions
        {
            SigningSecrets = { "whsec_retired_secret", CanonicalTestBodies.BoooplySecret },
            AllowCanonicalJsonSignatures = true,
        });

        var result = verifier.Verify(signature.Pretty, signature.Hex);

        result.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        result.SecretIndex.Should().Be(1);
    }

    [Fact]
    public void Verify_SegmentedAndStringBodies_VerifyThroughTheCanonicalPath()
    {
        var signature = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText("Boooply/interview-evaluation.json"), CanonicalTestBodies.BoooplySecret);
        var verifier = Boooply(allow: true);

        var segmented = verifier.Verify(CanonicalTestBodies.Segmented(signature.Pretty, 7), signature.Hex);
        var text = verifier.Verify(Encoding.UTF8.GetString(signature.PrettyTabs), signature.Hex);

        segmented.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        segmented.CanonicalBody.ToArray().Should().Equal(signature.Canonical);
        text.Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        text.CanonicalBody.ToArray().Should().Equal(signature.Canonical);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B })]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3 })]
    public void Verify_BodyThatIsNotJson_ReturnsMismatchWithoutThrowing(byte[] body)
    {
        var signature = ReferenceRuntimes.SignWithNode("{}", CanonicalTestBodies.BoooplySecret);

        Boooply(allow: true).Verify(body, signature.Hex).Should().Be(WebhookVerificationResult.Mismatch);
        Classet(allow: true).Verify(body, signature.Base64Url).Should().Be(WebhookVerificationResult.Mismatch);
    }

    private static IEnumerable<byte[]> Reformatted(NodeSignature signature, byte[] original)
    {
        yield return signature.Pretty;
        yield return signature.PrettyTabs;
        yield return CanonicalTestBodies.Respace(signature.Canonical);
        if (!original.AsSpan().SequenceEqual(signature.Canonical))
        {
            yield return original;
        }
    }

    private static BoooplyWebhookVerifier Boooply(bool allow) =>
        new(new BoooplyWebhookOptions { SigningSecrets = { CanonicalTestBodies.BoooplySecret }, AllowCanonicalJsonSignatures = allow });

    private static ClassetWebhookVerifier Classet(bool allow, string secret = CanonicalTestBodies.ClassetSecret) =>
        new(new ClassetWebhookOptions { SigningSecrets = { secret }, AllowCanonicalJsonSignatures = allow });
}
