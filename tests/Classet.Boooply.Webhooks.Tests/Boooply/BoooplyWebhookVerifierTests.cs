using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Tests.Canonical;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyWebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(SamplePayloads.BoooplyAccents);

    private static BoooplyWebhookVerifier CreateVerifier(params string[] secrets)
    {
        var options = new BoooplyWebhookOptions();
        foreach (var secret in secrets)
        {
            options.SigningSecrets.Add(secret);
        }

        return new(options);
    }

    [Theory]
    [MemberData(nameof(SamplePayloads.Boooply), MemberType = typeof(SamplePayloads))]
    public void Verify_BodySignedByBoooplyNodeSnippet_IsVerified(string json)
    {
        var node = ReferenceRuntimes.SignWithNode(json, Secret);
        var (signedBody, signature) = (node.Canonical, node.Hex);

        var result = CreateVerifier(Secret).Verify(signedBody, signature);

        result.IsVerified.Should().BeTrue();
        result.Method.Should().Be(WebhookVerificationMethod.RawBody);
    }

    [Theory]
    [MemberData(nameof(SamplePayloads.Boooply), MemberType = typeof(SamplePayloads))]
    public void Verify_BodySignedByBoooplyPythonSnippet_IsVerified(string json)
    {
        // Python's json.dumps escapes non-ASCII (ensure_ascii), so it signs different bytes than Node does; a delivery
        // sent as those bytes must verify too.
        var python = ReferenceRuntimes.SignWithPython(json, Secret);
        var (signedBody, signature) = (python.Canonical, python.Hex);

        CreateVerifier(Secret).Verify(signedBody, signature).IsVerified.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(SamplePayloads.Boooply), MemberType = typeof(SamplePayloads))]
    public void Sign_SameBodyAsNodeSnippet_ProducesIdenticalHeader(string json)
    {
        var node = ReferenceRuntimes.SignWithNode(json, Secret);
        var (signedBody, nodeSignature) = (node.Canonical, node.Hex);

        BoooplyWebhookSigner.Sign(signedBody, Secret).Should().Be(nodeSignature);
        BoooplyWebhookSigner.Sign(Encoding.UTF8.GetString(signedBody), Secret).Should().Be(nodeSignature);
    }

    [Fact]
    public void Verify_SecretWithoutWhsecPrefix_DoesNotVerify()
    {
        // The whole secret, prefix included, is the key; stripping it (as Svix users are used to) must not work.
        var signature = BoooplyWebhookSigner.Sign(Body, Secret);

        CreateVerifier(Secret["whsec_".Length..]).Verify(Body, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        CreateVerifier(Secret).Verify(Body, signature).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Verify_UppercaseHex_IsVerified()
    {
        var signature = BoooplyWebhookSigner.Sign(Body, Secret);

        signature.Should().MatchRegex("^[0-9a-f]{64}$");
        CreateVerifier(Secret).Verify(Body, signature.ToUpperInvariant()).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Verify_EveryOverload_AgreesOnValidAndInvalid()
    {
        var verifier = CreateVerifier(Secret);
        var signature = BoooplyWebhookSigner.Sign(Body, Secret);
        var text = Encoding.UTF8.GetString(Body);

        verifier.Verify(Body, signature).IsVerified.Should().BeTrue();
        verifier.Verify(Body, signature.AsSpan()).IsVerified.Should().BeTrue();
        verifier.Verify(Segments.Split(Body, 5), signature).IsVerified.Should().BeTrue();
        verifier.Verify(Segments.Split(Body, 5), signature.AsSpan()).IsVerified.Should().BeTrue();
        verifier.Verify(text, signature).IsVerified.Should().BeTrue();

        var tampered = (byte[])Body.Clone();
        tampered[10] ^= 0x20;
        verifier.Verify(tampered, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        verifier.Verify(Segments.Split(tampered, 5), signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
    }

    [Fact]
    public void Verify_AnySingleBodyByteFlipped_IsRejected()
    {
        var verifier = CreateVerifier(Secret);
        var signature = BoooplyWebhookSigner.Sign(Body, Secret);
        var copy = (byte[])Body.Clone();

        for (var i = 0; i < copy.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                copy[i] ^= (byte)(1 << bit);
                verifier.Verify(copy, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch, "byte {0} bit {1} was flipped", i, bit);
                copy[i] ^= (byte)(1 << bit);
            }
        }
    }

    [Fact]
    public void Verify_AnySingleSignatureCharacterChanged_IsNeverVerified()
    {
        var verifier = CreateVerifier(Secret);
        var signature = BoooplyWebhookSigner.Sign(Body, Secret);
        const string Alphabet = "0123456789abcdefABCDEFxyz-_ ";

        for (var i = 0; i < signature.Length; i++)
        {
            foreach (var c in Alphabet)
            {
                if (char.ToLowerInvariant(c) == signature[i])
                {
                    continue;
                }

                var forged = string.Concat(signature.AsSpan(0, i), c.ToString(), signature.AsSpan(i + 1));
                verifier.Verify(Body, forged).IsVerified.Should().BeFalse("position {0} became '{1}'", i, c);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Verify_MissingOrBlankHeader_IsMissingSignature(string? header)
    {
        CreateVerifier(Secret).Verify(Body, header).Status.Should().Be(WebhookVerificationStatus.MissingSignature);
    }

    public static TheoryData<string> MalformedHeaders()
    {
        var valid = BoooplyWebhookSigner.Sign(Body, Secret);
        var base64Url = Convert.ToBase64String(Convert.FromHexString(valid)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new TheoryData<string>
        {
            new string('a', 10 * 1024),
            valid[..63],
            valid + "0",
            valid[..62] + "zz",
            base64Url,
            base64Url + "=",
            "sha256=" + valid,
            "v1," + valid,
            "ｆ" + valid[1..],
        };
    }

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Verify_HostileHeader_IsMalformedAndNeverThrows(string header)
    {
        CreateVerifier(Secret).Verify(Body, header).Status.Should().Be(WebhookVerificationStatus.MalformedSignature);
    }

    [Fact]
    public void Verify_RotatedSecrets_EitherVerifies()
    {
        var verifier = CreateVerifier("whsec_old", "whsec_new");

        verifier.Verify(Body, BoooplyWebhookSigner.Sign(Body, "whsec_old")).SecretIndex.Should().Be(0);
        verifier.Verify(Body, BoooplyWebhookSigner.Sign(Body, "whsec_new")).SecretIndex.Should().Be(1);
        verifier.Verify(Body, BoooplyWebhookSigner.Sign(Body, "whsec_other")).IsVerified.Should().BeFalse();
    }

    [Theory]
    [InlineData("Bearer " + Secret)]
    [InlineData("bearer " + Secret)]
    [InlineData("BEARER   " + Secret)]
    [InlineData("  Bearer\t" + Secret + "  ")]
    public void VerifyBearerToken_ValidSchemeAnyCase_IsVerified(string header)
    {
        var result = CreateVerifier("whsec_other", Secret).VerifyBearerToken(header);

        result.IsVerified.Should().BeTrue();
        result.Method.Should().Be(WebhookVerificationMethod.BearerToken);
        result.SecretIndex.Should().Be(1);
    }

    [Theory]
    [InlineData(null, WebhookVerificationStatus.MissingSignature)]
    [InlineData("", WebhookVerificationStatus.MissingSignature)]
    [InlineData("   ", WebhookVerificationStatus.MissingSignature)]
    [InlineData("Bearer", WebhookVerificationStatus.MalformedSignature)]
    [InlineData("Bearer    ", WebhookVerificationStatus.MalformedSignature)]
    [InlineData("Basic " + Secret, WebhookVerificationStatus.MalformedSignature)]
    [InlineData("Bearer" + Secret, WebhookVerificationStatus.MalformedSignature)]
    [InlineData(Secret, WebhookVerificationStatus.MalformedSignature)]
    [InlineData("Bearer whsec_wrong", WebhookVerificationStatus.SignatureMismatch)]
    [InlineData("Bearer " + Secret + "x", WebhookVerificationStatus.SignatureMismatch)]
    [InlineData("Bearer WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", WebhookVerificationStatus.SignatureMismatch)]
    public void VerifyBearerToken_BadHeader_GetsTheRightStatus(string? header, WebhookVerificationStatus expected)
    {
        CreateVerifier(Secret).VerifyBearerToken(header).Status.Should().Be(expected);
    }

    [Fact]
    public void Constructor_NoSecret_ThrowsNamingTheOption()
    {
        var act = () => new BoooplyWebhookVerifier(new BoooplyWebhookOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*SigningSecrets*");
    }

    [Fact]
    public void Constructor_BlankSecret_ThrowsWithoutEchoingOthers()
    {
        var act = () => CreateVerifier(Secret, " ");

        act.Should().Throw<ArgumentException>().WithMessage("*SigningSecrets[1]*").Which.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void Options_ToString_NeverShowsSecrets()
    {
        var options = new BoooplyWebhookOptions { SigningSecrets = { Secret, "whsec_two" }, RequireBearerToken = true, MaxEventAge = TimeSpan.FromMinutes(10) };

        options.ToString().Should().NotContain("whsec_").And.Contain("2 configured").And.Contain("RequireBearerToken = True");
    }

    [Fact]
    public void Sign_BlankSecret_ThrowsArgumentException()
    {
        var act = () => BoooplyWebhookSigner.Sign(Body, " ");

        act.Should().Throw<ArgumentException>();
    }
}
