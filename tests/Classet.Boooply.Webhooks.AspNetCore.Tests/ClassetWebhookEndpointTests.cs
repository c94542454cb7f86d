using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class ClassetWebhookEndpointTests
{
    [Fact]
    public async Task Post_ValidSignature_Returns200AndDeliveryKeyIsBodySha256Hex()
    {
        await using var host = await Hosts.ClassetAsync();
        var body = Payloads.Classet();

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivery = host.Recorder().Deliveries.Should().ContainSingle().Subject;
        delivery.Event.Should().BeAssignableTo<ClassetWebhookEvent>().Which.EventType.Should().Be("candidate.interview.updated");
        delivery.Context.Vendor.Should().Be(WebhookVendorNames.Classet);
        delivery.Context.DeliveryKey.Should().Be(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant());
        delivery.Context.VerificationMethod.Should().Be(WebhookVerificationMethod.RawBody);
    }

    [Fact]
    public async Task Post_SecondSigningSecret_Verifies()
    {
        await using var host = await Hosts.ClassetAsync(options => options.SigningSecrets.Add("classet_next_secret"));
        var body = Payloads.Classet();
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(body, ClassetWebhookSigner.Sign(body, "classet_next_secret")));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Post_SecretsConfiguredAndOnlyValidApiKey_Returns401DowngradeProtection(string? signature)
    {
        await using var host = await Hosts.ClassetAsync(options => options.LegacyApiKeys.Add(Payloads.ClassetApiKey));

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet(), signature, Payloads.ClassetApiKey));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 2 && e.Message.Contains("downgrade", StringComparison.Ordinal));
        BoooplyWebhookEndpointTests.AssertNothingSecretLogged(host, Payloads.Classet(), null);
    }

    [Fact]
    public async Task Post_AllowApiKeyFallbackAndValidApiKeyWithoutSignature_Returns200ViaApiKey()
    {
        await using var host = await Hosts.ClassetAsync(options =>
        {
            options.LegacyApiKeys.Add(Payloads.ClassetApiKey);
            options.AllowApiKeyFallback = true;
        });

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet(), null, Payloads.ClassetApiKey));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Single().Context.VerificationMethod.Should().Be(WebhookVerificationMethod.ApiKey);
    }

    [Fact]
    public async Task Post_AllowApiKeyFallbackAndWrongSignatureWithValidApiKey_Returns401()
    {
        await using var host = await Hosts.ClassetAsync(options =>
        {
            options.LegacyApiKeys.Add(Payloads.ClassetApiKey);
            options.AllowApiKeyFallback = true;
        });

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Payloads.ClassetApiKey));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a present signature must verify; the key is only a fallback for its absence");
    }

    [Theory]
    [InlineData(Payloads.ClassetApiKey, HttpStatusCode.OK)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Post_OnlyLegacyKeysConfigured_ApiKeyDecides(string? apiKey, HttpStatusCode expected)
    {
        await using var host = await Hosts.ClassetAsync(options => options.LegacyApiKeys.Add(Payloads.ClassetApiKey), signingSecret: false);

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet(), null, apiKey));

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            host.Recorder().Deliveries.Single().Context.VerificationMethod.Should().Be(WebhookVerificationMethod.ApiKey);
        }
    }

    [Fact]
    public async Task Post_WrongSignature_Returns401()
    {
        await using var host = await Hosts.ClassetAsync();
        var body = Payloads.Classet();
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(body, ClassetWebhookSigner.Sign(body, "another")));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 3);
    }

    [Fact]
    public async Task Post_DeduplicationOn_SameBodyTwiceHandledOnce_DifferentBodyHandled()
    {
        await using var host = await Hosts.ClassetAsync(webhooks: builder => builder.AddDeduplication());

        using var first = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet("qualified")));
        using var duplicate = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet("qualified")));
        using var other = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet("unqualified")));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_ReformattedBodyWithCanonicalSignaturesAllowed_Returns200AndParsesTheSignedForm()
    {
        await using var host = await Hosts.ClassetAsync(options => options.AllowCanonicalJsonSignatures = true);
        var compact = Payloads.Classet().Replace("\"interview_custom_data\":null", "\"interview_custom_data\":{\"score\":1.5}", StringComparison.Ordinal);
        var pretty = Payloads.Pretty(compact).Replace("\"score\": 1.5", "\"score\": 1.50", StringComparison.Ordinal);
        pretty.Should().Contain("\"score\": 1.50");

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(pretty, ClassetWebhookSigner.Sign(compact, Payloads.ClassetSecret)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivery = host.Recorder().Deliveries.Should().ContainSingle().Subject;
        delivery.Context.VerificationMethod.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        var parsed = delivery.Event.Should().BeOfType<ClassetInterviewUpdatedEvent>().Subject;
        parsed.Data.InterviewCustomData!.Value.GetRawText().Should().Be("""{"score":1.5}""", "the handler sees the signed form, not the received 1.50");
    }

    [Fact]
    public async Task Post_ReformattedBodyWithCanonicalSignaturesOff_Returns401()
    {
        await using var host = await Hosts.ClassetAsync();
        var compact = Payloads.Classet();

        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Pretty(compact), ClassetWebhookSigner.Sign(compact, Payloads.ClassetSecret)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 3).Which.Message
            .Should().Contain("compact JSON: no").And.Contain("AllowCanonicalJsonSignatures");
    }

    [Fact]
    public async Task Post_DeduplicationAndCanonicalSignatures_ReSpacedReplayIsADuplicate()
    {
        await using var host = await Hosts.ClassetAsync(options => options.AllowCanonicalJsonSignatures = true, webhooks: builder => builder.AddDeduplication());
        var compact = Payloads.Classet();
        var signature = ClassetWebhookSigner.Sign(compact, Payloads.ClassetSecret);

        using var first = await host.Client.SendAsync(Payloads.ClassetRequest(compact, signature));
        using var replay = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Pretty(compact), signature));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivery = host.Recorder().Deliveries.Should().ContainSingle("Classet keys deliveries by a body hash, and a re-spaced replay must not look new").Subject;
        delivery.Context.DeliveryKey.Should().Be(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(compact))).ToLowerInvariant());
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 11);
    }

    [Fact]
    public async Task Post_VerifiedButNotJson_Returns400AndDeadLetter()
    {
        await using var host = await Hosts.ClassetAsync(webhooks: builder => builder.AddDeadLetterHandler<RecordingDeadLetterHandler>());
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest("{\"event\":"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Recorder().DeadLetters.Should().ContainSingle().Which.Vendor.Should().Be(WebhookVendorNames.Classet);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        await using var host = await Hosts.ClassetAsync(options => options.MaxRequestBodySize = 100);
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet()));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_HandlerThrows_Returns500()
    {
        await using var host = await Hosts.ClassetAsync(webhooks: builder => builder.AddHandler<ClassetWebhookEvent>((_, _, _) => throw new InvalidOperationException()));
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet()));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }
}
