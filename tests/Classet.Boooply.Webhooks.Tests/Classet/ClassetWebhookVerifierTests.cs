using System.Text;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.Canonical;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Classet;

public sealed class ClassetWebhookVerifierTests
{
    private const string Secret = "classet_sig_9f8e7d6c5b4a";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(SamplePayloads.ClassetAccents);

    private static ClassetWebhookVerifier CreateVerifier(params string[] secrets)
    {
        var options = new ClassetWebhookOptions();
        foreach (var secret in secrets)
        {
            options.SigningSecrets.Add(secret);
        }

        return new(options);
    }

    [Theory]
    [MemberData(nameof(SamplePayloads.Classet), MemberType = typeof(SamplePayloads))]
    public void Verify_BodySignedByClassetNodeSnippet_IsVerified(string json)
    {
        var node = ReferenceRuntimes.SignWithNode(json, Secret);
        var (signedBody, signature) = (node.Canonical, node.Base64Url);

        var result = CreateVerifier(Secret).Verify(signedBody, signature);

        result.IsVerified.Should().BeTrue();
        result.Method.Should().Be(WebhookVerificationMethod.RawBody);
        result.SecretIndex.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(SamplePayloads.Classet), MemberType = typeof(SamplePayloads))]
    public void Sign_SameBodyAsNodeSnippet_ProducesIdenticalHeader(string json)
    {
        var node = ReferenceRuntimes.SignWithNode(json, Secret);
        var (signedBody, nodeSignature) = (node.Canonical, node.Base64Url);

        ClassetWebhookSigner.Sign(signedBody, Secret).Should().Be(nodeSignature);
        ClassetWebhookSigner.Sign(Encoding.UTF8.GetString(signedBody), Secret).Should().Be(nodeSignature);
    }

    [Fact]
    public void Verify_EveryOverload_AgreesOnValidAndInvalid()
    {
        var verifier = CreateVerifier(Secret);
        var signature = ClassetWebhookSigner.Sign(Body, Secret);
        var text = Encoding.UTF8.GetString(Body);

        verifier.Verify(Body, signature).IsVerified.Should().BeTrue();
        verifier.Verify(Body, signature.AsSpan()).IsVerified.Should().BeTrue();
        verifier.Verify(Segments.Split(Body, 7), signature).IsVerified.Should().BeTrue();
        verifier.Verify(Segments.Split(Body, 7), signature.AsSpan()).IsVerified.Should().BeTrue();
        verifier.Verify(text, signature).IsVerified.Should().BeTrue();

        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        verifier.Verify(tampered, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        verifier.Verify(Segments.Split(tampered, 7), signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        verifier.Verify(text + " ", signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
    }

    [Fact]
    public void Verify_AnySingleBodyByteFlipped_IsRejected()
    {
        var verifier = CreateVerifier(Secret);
        var signature = ClassetWebhookSigner.Sign(Body, Secret);
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

        verifier.Verify(copy, signature).IsVerified.Should().BeTrue("the body is restored");
    }

    [Fact]
    public void Verify_AnySingleSignatureCharacterChanged_IsNeverVerified()
    {
        var verifier = CreateVerifier(Secret);
        var signature = ClassetWebhookSigner.Sign(Body, Secret);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=";

        for (var i = 0; i < signature.Length; i++)
        {
            foreach (var c in Alphabet)
            {
                if (c == signature[i])
                {
                    continue;
                }

                var forged = string.Concat(signature.AsSpan(0, i), c.ToString(), signature.AsSpan(i + 1));
                verifier.Verify(Body, forged).IsVerified.Should().BeFalse("position {0} became '{1}'", i, c);
            }
        }
    }

    [Fact]
    public void Verify_SignatureWithPadding_IsVerified()
    {
        var signature = ClassetWebhookSigner.Sign(Body, Secret);

        signature.Should().HaveLength(43).And.NotContain("=");
        CreateVerifier(Secret).Verify(Body, signature + "=").IsVerified.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Verify_MissingOrBlankHeader_IsMissingSignature(string? header)
    {
        CreateVerifier(Secret).Verify(Body, header).Status.Should().Be(WebhookVerificationStatus.MissingSignature);
    }

    public static TheoryData<string> MalformedHeaders()
    {
        var valid = ClassetWebhookSigner.Sign(Body, Secret);
        var hex = Convert.ToHexString(Convert.FromBase64String(valid.Replace('-', '+').Replace('_', '/') + "=")).ToLowerInvariant();
        return new TheoryData<string>
        {
            new string('A', 10 * 1024),
            valid[..42],
            valid + "A",
            valid + "==",
            valid[..42] + "!",
            valid.Replace(valid[5], '+'),
            hex,
            "sha256=" + valid,
            "not a signature",
            valid[..42] + "B", // non-zero trailing bits: a second spelling of different bytes
        };
    }

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Verify_HostileHeader_IsMalformedAndNeverThrows(string header)
    {
        var result = CreateVerifier(Secret).Verify(Body, header);

        result.IsVerified.Should().BeFalse();
        result.Status.Should().BeOneOf(WebhookVerificationStatus.MalformedSignature, WebhookVerificationStatus.SignatureMismatch);
        if (header.Length != 43)
        {
            result.Status.Should().Be(WebhookVerificationStatus.MalformedSignature);
        }
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var signature = ClassetWebhookSigner.Sign(Body, "another-secret");

        var result = CreateVerifier(Secret).Verify(Body, signature);

        result.Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        result.Method.Should().Be(WebhookVerificationMethod.None);
        result.SecretIndex.Should().Be(-1);
    }

    [Fact]
    public void Verify_SeveralSecrets_AcceptsEachAndReportsWhich()
    {
        var verifier = CreateVerifier("old-secret", "new-secret");

        verifier.Verify(Body, ClassetWebhookSigner.Sign(Body, "old-secret")).SecretIndex.Should().Be(0);
        verifier.Verify(Body, ClassetWebhookSigner.Sign(Body, "new-secret")).SecretIndex.Should().Be(1);
        CreateVerifier("new-secret").Verify(Body, ClassetWebhookSigner.Sign(Body, "old-secret")).IsVerified.Should().BeFalse();
    }

    [Fact]
    public void Verify_EmptyBody_VerifiesItsOwnSignature()
    {
        var signature = ClassetWebhookSigner.Sign(ReadOnlySpan<byte>.Empty, Secret);

        CreateVerifier(Secret).Verify(ReadOnlySpan<byte>.Empty, signature).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Constructor_NoSecretAndNoApiKey_ThrowsNamingTheOption()
    {
        var act = () => new ClassetWebhookVerifier(new ClassetWebhookOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*SigningSecrets*LegacyApiKeys*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankSecret_ThrowsNamingIndexNotValue(string blank)
    {
        var act = () => CreateVerifier("real-secret-value", blank);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*SigningSecrets[1]*")
            .Which.Message.Should().NotContain("real-secret-value");
    }

    [Fact]
    public void Constructor_BlankApiKey_Throws()
    {
        var act = () => new ClassetWebhookVerifier(new ClassetWebhookOptions { LegacyApiKeys = { "key-1", "" } });

        act.Should().Throw<ArgumentException>().WithMessage("*LegacyApiKeys[1]*");
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
    {
        var act = () => new ClassetWebhookVerifier(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void VerifyApiKey_ConfiguredKey_ReturnsAResultLikeEveryOtherVerifyMethod()
    {
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { LegacyApiKeys = { "key-one", "key-two" } });

        verifier.VerifyApiKey("key-one").Should().Be(WebhookVerificationResult.Success(WebhookVerificationMethod.ApiKey, 0));
        verifier.VerifyApiKey("key-two").Should().Be(WebhookVerificationResult.Success(WebhookVerificationMethod.ApiKey, 1));
        verifier.VerifyApiKey("key-two".AsSpan()).SecretIndex.Should().Be(1);
        verifier.VerifyApiKey("  key-one ").IsVerified.Should().BeTrue("surrounding white space is not part of the key");
        verifier.VerifyApiKey("KEY-ONE").Should().Be(WebhookVerificationResult.Mismatch);
        verifier.VerifyApiKey("key-on").Should().Be(WebhookVerificationResult.Mismatch);
        verifier.VerifyApiKey("key-one-").Should().Be(WebhookVerificationResult.Mismatch);
        verifier.VerifyApiKey(null).Should().Be(WebhookVerificationResult.Missing);
        verifier.VerifyApiKey(string.Empty).Should().Be(WebhookVerificationResult.Missing);
        verifier.VerifyApiKey("   ").Should().Be(WebhookVerificationResult.Missing);
        verifier.VerifyApiKey(new string('k', 10 * 1024)).Should().Be(WebhookVerificationResult.Mismatch);
        verifier.HasLegacyApiKeys.Should().BeTrue();
        verifier.HasSigningSecrets.Should().BeFalse();
    }

    [Fact]
    public void Verify_OnlyApiKeysConfigured_SignatureIsMismatchNotAccepted()
    {
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { LegacyApiKeys = { "key-one" } });

        verifier.Verify(Body, ClassetWebhookSigner.Sign(Body, "key-one")).IsVerified.Should().BeFalse();
    }

    [Fact]
    public void Options_ToString_NeverShowsSecrets()
    {
        var options = new ClassetWebhookOptions { SigningSecrets = { "s3cr3t-sig" }, LegacyApiKeys = { "s3cr3t-key" }, AllowApiKeyFallback = true };

        var text = options.ToString();

        text.Should().NotContain("s3cr3t").And.Contain("1 configured").And.Contain("AllowApiKeyFallback = True");
    }
}
