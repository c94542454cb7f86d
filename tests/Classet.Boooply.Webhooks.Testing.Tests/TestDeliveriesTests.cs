using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Testing.Tests;

public sealed class TestDeliveriesTests
{
    private const string Secret = "whsec_DELIVERIES-SECRET-MARKER";
    private const string ClassetSecret = "classet-DELIVERIES-SECRET-MARKER";

    private static readonly BoooplyWebhookVerifier Boooply = new(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
    private static readonly BoooplyWebhookVerifier BoooplyCanonical = new(new BoooplyWebhookOptions { SigningSecrets = { Secret }, AllowCanonicalJsonSignatures = true });
    private static readonly ClassetWebhookVerifier Classet = new(new ClassetWebhookOptions { SigningSecrets = { ClassetSecret } });
    private static readonly ClassetWebhookVerifier ClassetCanonical = new(new ClassetWebhookOptions { SigningSecrets = { ClassetSecret }, AllowCanonicalJsonSignatures = true });

    [Fact]
    public void Boooply_Create_CarriesEveryBoooplyHeaderInOrderAndASignatureAndTokenTheVerifierAccepts()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret);

        delivery.Vendor.Should().Be(WebhookVendorNames.Boooply);
        delivery.Headers.Select(h => h.Key).Should().Equal("X-Boooply-Signature", "X-Boooply-Event", "X-Boooply-Platform", "X-Boooply-Meeting-Id", "Authorization");
        delivery.GetHeader("x-boooply-event").Should().Be("interview.evaluation");
        delivery.GetHeader(BoooplyWebhookHeaders.Platform).Should().Be("custom");
        delivery.GetHeader(BoooplyWebhookHeaders.MeetingId).Should().Be("Boooply-AI-1234567890");
        Boooply.Verify(delivery.Body.Span, delivery.GetHeader(BoooplyWebhookHeaders.Signature)).Method.Should().Be(WebhookVerificationMethod.RawBody);
        Boooply.VerifyBearerToken(delivery.GetHeader(BoooplyWebhookHeaders.Authorization)).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Classet_Create_CarriesASignatureTheVerifierAccepts()
    {
        var delivery = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret);

        delivery.Headers.Select(h => h.Key).Should().Equal("x-classet-webhook-signature");
        Classet.Verify(delivery.Body.Span, delivery.GetHeader(ClassetWebhookHeaders.Signature)).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void WithWrongSecret_IsRejectedAsAMismatchAndItsTokenToo()
    {
        var boooply = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret).WithWrongSecret();
        var classet = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).WithWrongSecret();

        Boooply.Verify(boooply.Body.Span, boooply.GetHeader(BoooplyWebhookHeaders.Signature)).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        Boooply.VerifyBearerToken(boooply.GetHeader(BoooplyWebhookHeaders.Authorization)).IsVerified.Should().BeFalse();
        Classet.Verify(classet.Body.Span, classet.GetHeader(ClassetWebhookHeaders.Signature)).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
    }

    [Fact]
    public void WithoutSignature_HasNoSignatureHeader()
    {
        var boooply = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret).WithoutSignature();
        var classet = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).WithoutSignature();

        boooply.GetHeader(BoooplyWebhookHeaders.Signature).Should().BeNull();
        boooply.GetHeader(BoooplyWebhookHeaders.Authorization).Should().NotBeNull();
        classet.Headers.Should().BeEmpty();
        Boooply.Verify(boooply.Body.Span, null).Status.Should().Be(WebhookVerificationStatus.MissingSignature);
    }

    [Fact]
    public void WithoutAuthorization_KeepsTheSignature()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret).WithoutAuthorization().WithWrongSecret();

        delivery.GetHeader(BoooplyWebhookHeaders.Authorization).Should().BeNull();
        delivery.GetHeader(BoooplyWebhookHeaders.Signature).Should().NotBeNull();
    }

    [Fact]
    public void PrettyPrinted_IsNodesIndentedFormSignedOverTheCompactOne()
    {
        var compact = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret);

        var pretty = compact.PrettyPrinted();

        pretty.Body.ToArray().Should().Equal(ReferenceJson.JavaScript([compact.Body.ToArray()], indented: true)[0]);
        pretty.GetHeader(BoooplyWebhookHeaders.Signature).Should().Be(compact.GetHeader(BoooplyWebhookHeaders.Signature));
        Boooply.Verify(pretty.Body.Span, pretty.GetHeader(BoooplyWebhookHeaders.Signature)).IsVerified.Should().BeFalse();
        BoooplyCanonical.Verify(pretty.Body.Span, pretty.GetHeader(BoooplyWebhookHeaders.Signature)).Method.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
    }

    [Fact]
    public void ReserializedByPython_NonAsciiText_IsPythonsFormAndVerifiesOnlyWithCanonicalSignatures()
    {
        var compact = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(e => e with { Data = e.Data with { InterviewSummary = "Candidata: José Núñez 🎉" } }), ClassetSecret);

        var python = compact.ReserializedByPython();

        python.Body.ToArray().Should().Equal(ReferenceJson.Python([compact.Body.ToArray()])[0]);
        Encoding.ASCII.GetString(python.Body.Span).Should().Contain("Jos\\u00e9").And.Contain("\\ud83c\\udf89");
        Classet.Verify(python.Body.Span, python.GetHeader(ClassetWebhookHeaders.Signature)).IsVerified.Should().BeFalse();
        ClassetCanonical.Verify(python.Body.Span, python.GetHeader(ClassetWebhookHeaders.Signature)).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void WithStaleTimestamp_SignsTheOldTimestamp()
    {
        var now = new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

        var stale = BoooplyTestDeliveries.Create(BoooplyTestEvents.Recording(), Secret).WithStaleTimestamp(TimeSpan.FromHours(2), new FixedTime(now));

        Encoding.UTF8.GetString(stale.Body.Span).Should().Contain("\"timestamp\":\"2031-05-06T05:08:09.123Z\"");
        BoooplyWebhookSerializer.Deserialize(stale.Body.Span).Timestamp.Should().Be(now.AddHours(-2));
        Boooply.Verify(stale.Body.Span, stale.GetHeader(BoooplyWebhookHeaders.Signature)).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void WithLegacyApiKey_SendsTheKeyAndNoSignature()
    {
        var delivery = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).WithLegacyApiKey("org-key");

        delivery.Headers.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>(ClassetWebhookHeaders.ApiKey, "org-key"));
    }

    [Fact]
    public void WithHeader_ReplacesAddsOrRemovesAHeader()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret)
            .WithHeader("x-boooply-event", "interview.recording")
            .WithHeader("X-Trace", "t-1")
            .WithHeader(BoooplyWebhookHeaders.Platform, null);

        delivery.GetHeader(BoooplyWebhookHeaders.Event).Should().Be("interview.recording");
        delivery.GetHeader("X-Trace").Should().Be("t-1");
        delivery.GetHeader(BoooplyWebhookHeaders.Platform).Should().BeNull();
    }

    [Fact]
    public void Create_RawBytes_SendsAndSignsThemAsGiven()
    {
        var body = "{ \"event\" : \"interview.scores\" , \"data\" : { \"meetingCode\" : \"raw-1\" } }\n"u8.ToArray();

        var delivery = BoooplyTestDeliveries.Create(body, Secret);

        delivery.Body.ToArray().Should().Equal(body);
        delivery.GetHeader(BoooplyWebhookHeaders.MeetingId).Should().Be("raw-1");
        Boooply.Verify(body, delivery.GetHeader(BoooplyWebhookHeaders.Signature)).IsVerified.Should().BeTrue();
    }

    [Fact]
    public void Create_RawBytesThatAreNotJson_HaveNoRoutingHeadersAndCannotBeReformatted()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.MalformedBody(), Secret);

        delivery.GetHeader(BoooplyWebhookHeaders.Event).Should().BeNull();
        delivery.Invoking(d => d.PrettyPrinted()).Should().Throw<InvalidOperationException>();
        delivery.Invoking(d => d.WithCurrentTimestamp()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Create_EmptySecret_Throws()
    {
        var act = () => BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), " ");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToString_NeverShowsHeaderValues()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret);

        delivery.ToString().Should().Contain("Authorization").And.NotContain("SECRET-MARKER");
    }

    [Fact]
    public async Task ToHttpRequestMessage_CarriesBodyContentTypeAndEveryHeader()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret);

        using var request = delivery.ToHttpRequestMessage("http://127.0.0.1/webhooks/boooply");

        request.Method.Should().Be(HttpMethod.Post);
        request.Content!.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await request.Content.ReadAsByteArrayAsync()).Should().Equal(delivery.Body.ToArray());
        foreach (var (name, value) in delivery.Headers)
        {
            request.Headers.GetValues(name).Should().Equal(value);
        }
    }

    [Fact]
    public void ToHttpContent_CarriesTheCustomHeadersButNotAuthorization()
    {
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret);

        using var content = delivery.ToHttpContent();

        content.Headers.GetValues(BoooplyWebhookHeaders.Signature).Should().Equal(delivery.GetHeader(BoooplyWebhookHeaders.Signature));
        content.Headers.GetValues(BoooplyWebhookHeaders.MeetingId).Should().Equal("Boooply-AI-1234567890");
        content.Headers.Select(h => h.Key).Should().NotContain(BoooplyWebhookHeaders.Authorization);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
