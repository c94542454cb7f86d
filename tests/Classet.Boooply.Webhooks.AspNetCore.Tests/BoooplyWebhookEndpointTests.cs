using System.Net;
using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class BoooplyWebhookEndpointTests
{
    [Fact]
    public async Task Post_ValidDelivery_Returns200AndBaseHandlerGetsEventAndContext()
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply("Boooply-AI-1", "interview.transcript");

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivery = host.Recorder().Deliveries.Should().ContainSingle().Subject;
        var webhookEvent = delivery.Event.Should().BeAssignableTo<BoooplyWebhookEvent>().Subject;
        webhookEvent.MeetingCode.Should().Be("Boooply-AI-1");
        webhookEvent.EventType.Should().Be("interview.transcript");
        delivery.Context.Vendor.Should().Be(WebhookVendorNames.Boooply);
        delivery.Context.EventType.Should().Be("interview.transcript");
        delivery.Context.DeliveryKey.Should().Be("Boooply-AI-1:interview.transcript");
        delivery.Context.VerificationMethod.Should().Be(WebhookVerificationMethod.RawBody);
    }

    [Fact]
    public async Task Post_UnknownEvent_Returns200AndUnknownHandlerGetsRawJson()
    {
        JsonElement? raw = null;
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddUnknownEventHandler((evt, _, _) =>
        {
            raw = evt.RawJson;
            return Task.CompletedTask;
        }));
        var body = Payloads.Boooply("M-9", "interview.hologram");

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        raw.Should().NotBeNull();
        raw!.Value.GetProperty("event").GetString().Should().Be("interview.hologram");
        raw.Value.GetProperty("data").GetProperty("meetingCode").GetString().Should().Be("M-9");
        host.Logs.Webhook.Should().Contain(entry => entry.EventId.Id == 13);
    }

    [Fact]
    public async Task Post_NoHandlers_Returns200()
    {
        await using var host = await Hosts.BoooplyAsync(recordingHandler: false);
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("zz-not-hex", "malformed")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "does not match")]
    public async Task Post_BadSignature_Returns401FixedMessageWithoutCallingHandlersOrLoggingSecrets(string? signature, string logged)
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply();

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, signature));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("Unauthorized webhook delivery.\n");
        host.Recorder().Deliveries.Should().BeEmpty();
        var entry = host.Logs.Webhook.Should().ContainSingle(e => e.Level == LogLevel.Warning).Subject;
        entry.Message.Should().Contain(logged);
        AssertNothingSecretLogged(host, body, signature);
    }

    [Fact]
    public async Task Post_SignedWithOtherSecret_Returns401AndLogsCompactBodyHint()
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply();
        var signature = BoooplyWebhookSigner.Sign(body, "whsec_someone_else");

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, signature));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var entry = host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 3).Subject;
        entry.Message.Should().Contain("compact JSON: yes").And.Contain("check that the configured secret");
        entry.Message.Should().NotContain("AllowCanonicalJsonSignatures", "reformatting is not the cause when the body is compact");
        AssertNothingSecretLogged(host, body, signature);
    }

    [Fact]
    public async Task Post_ReformattedBodyWithRawSignatureMismatch_LogsNotCompactHint()
    {
        await using var host = await Hosts.BoooplyAsync();
        var compact = Payloads.Boooply();
        var pretty = Payloads.Pretty(compact);

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(pretty, BoooplyWebhookSigner.Sign(compact, Payloads.BoooplySecret)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 3).Which.Message
            .Should().Contain("compact JSON: no").And.Contain("reformatted").And.Contain("AllowCanonicalJsonSignatures");
    }

    [Fact]
    public async Task Post_MismatchWithCanonicalSignaturesAllowed_LogsSecretHintWithoutSuggestingTheOptionAgain()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.AllowCanonicalJsonSignatures = true);
        var compact = Payloads.Boooply();
        var pretty = Payloads.Pretty(compact);

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(pretty, BoooplyWebhookSigner.Sign(compact, "whsec_someone_else")));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var message = host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 3).Which.Message;
        message.Should().Contain("compact JSON: not checked").And.Contain("canonical JSON forms").And.Contain("check that the configured secret");
        message.Should().NotContain("set AllowCanonicalJsonSignatures");
    }

    [Fact]
    public async Task Post_MismatchOnBodyAboveOneMebibyte_LogsWithoutTheCompactnessCheck()
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply().Replace("\"title\":\"", "\"title\":\"" + new string('x', (1024 * 1024) + 1), StringComparison.Ordinal);

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, BoooplyWebhookSigner.Sign(body, "whsec_someone_else")));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 3).Which.Message
            .Should().Contain("compact JSON: not checked").And.Contain("AllowCanonicalJsonSignatures");
    }

    [Fact]
    public async Task Post_ReformattedBodyWithCanonicalSignaturesAllowed_Returns200AndParsesTheSignedCanonicalForm()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.AllowCanonicalJsonSignatures = true);
        // JSON.stringify prints 1.50 as 1.5 and "\u0041" as "A": the handler must see the signed spelling.
        // The timestamp contains "1.5" too: only the extension number may be respelled.
        var compact = Payloads.Boooply("M-canon", timestamp: new DateTimeOffset(2026, 3, 21, 18, 35, 1, 500, TimeSpan.Zero)).Replace("\"transcriptCount\":2,", "\"transcriptCount\":2,\"vendorScore\":1.5,\"vendorNote\":\"A\",", StringComparison.Ordinal);
        var pretty = Payloads.Pretty(compact)
            .Replace("\"vendorScore\": 1.5", "\"vendorScore\": 1.50", StringComparison.Ordinal)
            .Replace("\"A\"", "\"\\u0041\"", StringComparison.Ordinal);
        pretty.Should().Contain("\"vendorScore\": 1.50").And.Contain("\\u0041").And.Contain("01.500Z");

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(pretty, BoooplyWebhookSigner.Sign(compact, Payloads.BoooplySecret)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var delivery = host.Recorder().Deliveries.Should().ContainSingle().Subject;
        delivery.Context.VerificationMethod.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
        var parsed = delivery.Event.Should().BeOfType<BoooplyTranscriptEvent>().Subject;
        parsed.MeetingCode.Should().Be("M-canon");
        parsed.Data.ExtensionData!["vendorScore"].GetRawText().Should().Be("1.5", "the received bytes said 1.50; the signed form says 1.5");
        parsed.Data.ExtensionData!["vendorNote"].GetRawText().Should().Be("\"A\"");
        JsonElement.DeepEquals(JsonDocument.Parse(BoooplyWebhookSerializer.Serialize(parsed)).RootElement, JsonDocument.Parse(compact).RootElement)
            .Should().BeTrue("what was signed is what is parsed");
    }

    [Fact]
    public async Task Post_VerifiedButUnparseable_Returns400AndDeadLetterGetsOwnedBodyAndError()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeadLetterHandler<RecordingDeadLetterHandler>());
        const string body = """{"data":{"meetingCode":"M-1"}}""";

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("Invalid webhook payload.\n");
        host.Recorder().Deliveries.Should().BeEmpty();
        var deadLetter = host.Recorder().DeadLetters.Should().ContainSingle().Subject;
        deadLetter.GetBodyAsString().Should().Be(body);
        deadLetter.Vendor.Should().Be(WebhookVendorNames.Boooply);
        deadLetter.Error.Should().BeOfType<WebhookPayloadException>();
        deadLetter.VerificationMethod.Should().Be(WebhookVerificationMethod.RawBody);
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 5);
        host.Logs.Webhook.Should().NotContain(e => e.Everything.Contains("M-1", StringComparison.Ordinal), "bodies are never logged");
    }

    [Fact]
    public async Task Post_VerifiedButNotJson_Returns400EvenWithoutDeadLetterHandlerAndLogsThatTheBodyIsNotKept()
    {
        await using var host = await Hosts.BoooplyAsync();
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest("this is not json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 6);
    }

    [Fact]
    public async Task Post_DeadLetterHandlerThrows_Returns500SoTheVendorRetries()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeadLetterHandler((_, _) => throw new InvalidOperationException("storage down")));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest("[1,2"));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 7);
    }

    [Fact]
    public async Task Post_EmptyBodyWithValidSignature_Returns400()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeadLetterHandler<RecordingDeadLetterHandler>());
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(string.Empty));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Recorder().DeadLetters.Should().ContainSingle().Which.Body.Length.Should().Be(0);
    }

    [Fact]
    public async Task Post_EmptyBodyWithoutSignature_Returns401()
    {
        await using var host = await Hosts.BoooplyAsync();
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(string.Empty, signature: null));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_HandlerThrows_Returns500AndLogsError()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddHandler<BoooplyWebhookEvent>((_, _, _) => throw new InvalidOperationException("db down")));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        host.Recorder().Deliveries.Should().ContainSingle("the handler registered first ran before the failing one");
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 8 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Post_HandlerHonouringTokenExceedsTimeout_Returns500()
    {
        var sawCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await Hosts.BoooplyAsync(
            options => options.HandlerTimeout = TimeSpan.FromMilliseconds(200),
            builder => builder.AddHandler<BoooplyWebhookEvent>(async (_, _, cancellationToken) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation.TrySetResult(true);
                    throw;
                }
            }));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await sawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 9);
    }

    [Fact]
    public async Task Post_HandlerIgnoringTokenExceedsTimeout_AnsweredOnTimeWith500()
    {
        using var release = new SemaphoreSlim(0);
        await using var host = await Hosts.BoooplyAsync(
            options => options.HandlerTimeout = TimeSpan.FromMilliseconds(200),
            builder => builder.AddHandler<BoooplyWebhookEvent>(async (_, _, _) => await release.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None)));
        var started = DateTime.UtcNow;

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(10));
        release.Release();
    }

    [Fact]
    public async Task Post_OverKestrelHandlerIgnoringItsTokenPastTheTimeout_SameBodyThreeTimesHasOneSideEffect()
    {
        // The audit's scenario over real HTTP: before, each retry ran the handler again beside the abandoned one.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var sideEffects = 0;
        await using var host = await Hosts.BoooplyAsync(
            options => options.HandlerTimeout = TimeSpan.FromSeconds(1),
            builder => builder
                .AddDeduplication(_ => new SettlementSignallingStore(settled))
                .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
                {
                    Interlocked.Increment(ref started);
                    entered.TrySetResult();
                    await gate.Task;
                    Interlocked.Increment(ref sideEffects);
                }),
            kestrel: true,
            recordingHandler: false);
        var body = Payloads.Boooply("Boooply-AI-slow");

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var retryWhileRunning = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        gate.SetResult();
        await settled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var retryAfterItFinished = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retryWhileRunning.StatusCode.Should().Be(HttpStatusCode.Conflict);
        retryAfterItFinished.StatusCode.Should().Be(HttpStatusCode.OK);
        started.Should().Be(1);
        sideEffects.Should().Be(1);
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 9).And.Contain(e => e.EventId.Id == 19);
    }

    [Fact]
    public async Task Post_HandlerReadsVendorHeaders_SeesTheUnsignedBoooplyHeadersButNeverAuthorization()
    {
        IReadOnlyDictionary<string, string>? headers = null;
        await using var host = await Hosts.BoooplyAsync(
            options => options.RequireBearerToken = true,
            builder => builder.AddHandler<BoooplyWebhookEvent>((_, context, _) =>
            {
                headers = context.Headers;
                return Task.CompletedTask;
            }));
        var body = Payloads.Boooply("Boooply-AI-headers");

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, bearer: "Bearer " + Payloads.BoooplySecret));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        headers![BoooplyWebhookHeaders.Event].Should().Be("interview.transcript");
        headers[BoooplyWebhookHeaders.Platform].Should().Be("custom");
        headers[BoooplyWebhookHeaders.Signature].Should().Be(BoooplyWebhookSigner.Sign(body, Payloads.BoooplySecret));
        headers.ContainsKey(BoooplyWebhookHeaders.MeetingId).Should().BeFalse("it was not sent");
        headers.Keys.Should().NotContain(key => key.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        headers.Values.Should().NotContain(value => value.Contains(Payloads.BoooplySecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DeliveryStoreDown_Returns503WithAFixedMessage()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder =>
            WebhookServiceRegistration.UseDeliveryStore<BoooplyWebhookEvent>(builder.Services, _ => new UnavailableDeliveryStore()));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("Webhook could not be stored; retry later.\n");
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 18);
    }

    [Fact]
    public async Task Post_DeduplicationOn_DuplicateReturns200WithoutCallingHandlersAgain()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeduplication());
        var body = Payloads.Boooply("M-dup");

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        using var second = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Should().ContainSingle();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 11);
    }

    [Fact]
    public async Task Post_DeduplicationOnAndPayloadsWithoutMeetingCode_DistinctBodiesAreNotCollapsed()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeduplication());

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest("""{"event":"interview.future","data":{"n":1}}"""));
        using var second = await host.Client.SendAsync(Payloads.BoooplyRequest("""{"event":"interview.future","data":{"n":2}}"""));
        using var retry = await host.Client.SendAsync(Payloads.BoooplyRequest("""{"event":"interview.future","data":{"n":2}}"""));

        host.Recorder().Deliveries.Should().HaveCount(2);
        host.Recorder().Deliveries.Select(d => d.Context.DeliveryKey).Should().OnlyContain(key => key.StartsWith("sha256:", StringComparison.Ordinal) && key.Length == 71);
    }

    [Fact]
    public async Task Post_DeduplicationAndCanonicalSignatures_ReSpacedCopyOfBodyKeyedDeliveryIsADuplicate()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.AllowCanonicalJsonSignatures = true, webhooks: builder => builder.AddDeduplication());
        const string compact = """{"event":"interview.future","data":{"n":1}}""";
        var signature = BoooplyWebhookSigner.Sign(compact, Payloads.BoooplySecret);

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(compact, signature));
        using var respaced = await host.Client.SendAsync(Payloads.BoooplyRequest("{ \"event\" : \"interview.future\", \"data\" : { \"n\" : 1 } }", signature));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        respaced.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Should().ContainSingle("a re-spaced replay of a body-keyed delivery is the same delivery");
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 11);
    }

    [Fact]
    public async Task Post_DeduplicationOff_DuplicateIsHandledAgain()
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply("M-dup");
        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        using var second = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        host.Recorder().Deliveries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_DeduplicationOnAndHandlerFailedOnce_RetryIsProcessed()
    {
        var attempts = 0;
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder
            .AddDeduplication()
            .AddHandler<BoooplyWebhookEvent>((_, _, _) => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask));
        var body = Payloads.Boooply("M-retry");

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        using var retry = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        using var duplicate = await host.Client.SendAsync(Payloads.BoooplyRequest(body));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task Post_DeduplicationOnAndSameDeliveryInFlight_Returns409SoTheVendorRetriesLater()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder
            .AddDeduplication()
            .AddHandler<BoooplyWebhookEvent>(async (_, _, _) =>
            {
                entered.TrySetResult();
                await release.Task;
            }));
        var body = Payloads.Boooply("M-inflight");

        var first = host.Client.SendAsync(Payloads.BoooplyRequest(body));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var concurrent = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        release.SetResult();
        using var firstResponse = await first;

        concurrent.StatusCode.Should().Be(HttpStatusCode.Conflict);
        firstResponse.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_DeduplicationStoreDown_Returns500WithoutCallingHandlers()
    {
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddDeduplication(_ => new FailingStore()));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 17);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer whsec_wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Basic abc", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer " + Payloads.BoooplySecret, HttpStatusCode.OK)]
    public async Task Post_RequireBearerToken_OnlyTheSecretAsBearerPasses(string? authorization, HttpStatusCode expected)
    {
        await using var host = await Hosts.BoooplyAsync(options => options.RequireBearerToken = true);
        var body = Payloads.Boooply();
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, bearer: authorization));
        response.StatusCode.Should().Be(expected);
        AssertNothingSecretLogged(host, body, null);
    }

    [Fact]
    public async Task Post_BearerTokenWithoutSignature_Returns401()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.RequireBearerToken = true);
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(), signature: null, bearer: "Bearer " + Payloads.BoooplySecret));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-4, HttpStatusCode.OK)]
    [InlineData(-6, HttpStatusCode.Unauthorized)]
    [InlineData(4, HttpStatusCode.OK)]
    [InlineData(6, HttpStatusCode.Unauthorized)]
    public async Task Post_MaxEventAge_RejectsSignedTimestampsOutsideTheWindowBothWays(int offsetMinutes, HttpStatusCode expected)
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using var host = await Hosts.BoooplyAsync(
            options => options.MaxEventAge = TimeSpan.FromMinutes(5),
            app: builder => builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(timestamp: now.AddMinutes(offsetMinutes))));

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Unauthorized)
        {
            host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 15);
            host.Recorder().Deliveries.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Post_MaxEventAgeAndNoTimestamp_Returns401()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxEventAge = TimeSpan.FromMinutes(5));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest("""{"event":"interview.scores","data":{"meetingCode":"M-1"}}"""));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ScopedService_SharedByHandlersOfOneDeliveryAndFreshPerDelivery()
    {
        var seen = new List<Guid>();
        await using var host = await Hosts.BoooplyAsync(
            app: builder => builder.Services.AddScoped<ScopedThing>(),
            webhooks: builder => builder
                .AddHandler<BoooplyWebhookEvent>((_, context, _) => { lock (seen) { seen.Add(context.Services.GetRequiredService<ScopedThing>().Id); } return Task.CompletedTask; })
                .AddHandler<BoooplyTranscriptEvent>((_, context, _) => { lock (seen) { seen.Add(context.Services.GetRequiredService<ScopedThing>().Id); } return Task.CompletedTask; }));

        using var first = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("A")));
        using var second = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("B")));

        seen.Should().HaveCount(4);
        seen[0].Should().Be(seen[1]);
        seen[2].Should().Be(seen[3]);
        seen[0].Should().NotBe(seen[2]);
    }

    [Fact]
    public async Task Post_SeveralHandlers_RunInRegistrationOrder()
    {
        var order = new List<string>();
        await using var host = await Hosts.BoooplyAsync(
            recordingHandler: false,
            webhooks: builder => builder
                .AddHandler<BoooplyUnknownEvent>((_, _, _) => { order.Add("unknown"); return Task.CompletedTask; })
                .AddHandler<BoooplyWebhookEvent>((_, _, _) => { order.Add("base"); return Task.CompletedTask; })
                .AddUnknownEventHandler((_, _, _) => { order.Add("unknown-2"); return Task.CompletedTask; }));

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(eventType: "interview.future")));

        order.Should().Equal("unknown", "base", "unknown-2");
    }

    [Fact]
    public async Task Post_HandlerGetsRequestAbortedLinkedToken()
    {
        CancellationToken seen = default;
        await using var host = await Hosts.BoooplyAsync(webhooks: builder => builder.AddHandler<BoooplyWebhookEvent>((_, _, token) => { seen = token; return Task.CompletedTask; }));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        seen.CanBeCanceled.Should().BeTrue("handlers get HttpContext.RequestAborted");
    }

    [Fact]
    public async Task Post_TextPlainContentTypeWithValidSignature_Returns200BecauseTheSignatureDecides()
    {
        await using var host = await Hosts.BoooplyAsync();
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(), contentType: "text/plain"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Returns413WithoutCallingHandlers()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = 1024);
        var body = Payloads.Boooply(new string('x', 2000));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 4);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413AfterReadingNoMoreThanTheLimit()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = 64 * 1024);
        var stream = new CountingEndlessStream();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/boooply") { Content = new StreamContent(stream) };
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Signature, new string('a', 64));

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        stream.BytesRead.Should().BeLessThan(1024 * 1024, "the endpoint stops reading once the limit is passed");
    }

    [Fact]
    public async Task Post_BodyExactlyAtLimit_IsAccepted()
    {
        var body = Payloads.Boooply();
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = Encoding.UTF8.GetByteCount(body));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_Returns405()
    {
        await using var host = await Hosts.BoooplyAsync();
        using var response = await host.Client.GetAsync("/webhooks/boooply");
        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Post_LargeTranscriptOverOneMebibyte_IsReadWhole()
    {
        await using var host = await Hosts.BoooplyAsync();
        var body = Payloads.Boooply("M-big", "interview.transcript").Replace("\"title\":\"", "\"title\":\"" + new string('t', 3 * 1024 * 1024), StringComparison.Ordinal);
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((BoooplyWebhookEvent)host.Recorder().Deliveries.Single().Event).MeetingCode.Should().Be("M-big");
    }

    internal static void AssertNothingSecretLogged(WebhookTestHost host, string body, string? signature)
    {
        foreach (var entry in host.Logs.Entries)
        {
            entry.Everything.Should().NotContain(Payloads.BoooplySecret).And.NotContain(Payloads.ClassetSecret).And.NotContain(Payloads.ClassetApiKey);
            entry.Everything.Should().NotContain(body);
            entry.Everything.Should().NotContain("Jane Doe", "no body content is logged");
            if (!string.IsNullOrEmpty(signature) && signature.Length > 8)
            {
                entry.Everything.Should().NotContain(signature);
            }
        }
    }

    private sealed class FailingStore : IWebhookDeduplicationStore
    {
        public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken) =>
            ValueTask.FromException<WebhookDeduplicationClaim>(new TimeoutException("database unreachable"));

        public ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken) => new(false);

        public ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken) => new(false);
    }

    /// <summary>The in-memory store, signalling when a claim has been completed or released.</summary>
    private sealed class SettlementSignallingStore(TaskCompletionSource settled) : IWebhookDeduplicationStore
    {
        private readonly InMemoryWebhookDeduplicationStore _inner = new();

        public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken) =>
            _inner.TryClaimAsync(deliveryKey, cancellationToken);

        public async ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
        {
            var done = await _inner.CompleteAsync(claim, cancellationToken);
            settled.TrySetResult();
            return done;
        }

        public async ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
        {
            var done = await _inner.ReleaseAsync(claim, cancellationToken);
            settled.TrySetResult();
            return done;
        }
    }

    private sealed class UnavailableDeliveryStore : IWebhookDeliveryStore
    {
        public ValueTask<WebhookStoreResult> StoreAsync(VerifiedWebhookDelivery delivery, CancellationToken cancellationToken) =>
            ValueTask.FromException<WebhookStoreResult>(new IOException("database is locked"));
    }

    private sealed class ScopedThing
    {
        public Guid Id { get; } = Guid.NewGuid();
    }
}

/// <summary>An endless body (sent chunked, with no Content-Length) that counts what the server pulled.</summary>
internal sealed class CountingEndlessStream : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Interlocked.Read(ref _read) > 64L * 1024 * 1024)
        {
            return 0;
        }

        buffer.AsSpan(offset, count).Fill((byte)'x');
        Interlocked.Add(ref _read, count);
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
