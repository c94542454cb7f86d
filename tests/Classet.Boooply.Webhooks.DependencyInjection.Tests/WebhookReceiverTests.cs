using System.Net.Http.Headers;
using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>The public receiver API on its own: a plain ServiceCollection, headers and a body in, a status out. No ASP.NET Core.</summary>
public sealed class WebhookReceiverTests
{
    [Fact]
    public async Task ReceiveAsync_SignedBytesAndLambdaStyleHeaders_Returns200AndHandlerSeesEventContextAndVendorHeaders()
    {
        WebhookDeliveryContext? seen = null;
        BoooplyScoresEvent? scores = null;
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddHandler<BoooplyScoresEvent>((e, context, _) =>
        {
            scores = e;
            seen = context;
            return Task.CompletedTask;
        }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply("Boooply-AI-42");

        var result = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        result.StatusCode.Should().Be(200);
        result.Outcome.Should().Be(WebhookReceiveOutcome.Handled);
        result.IsSuccessStatusCode.Should().BeTrue();
        result.EventType.Should().Be("interview.scores");
        result.DeliveryKey.Should().Be("Boooply-AI-42:interview.scores");
        receiver.Vendor.Should().Be(WebhookVendorNames.Boooply);
        scores!.MeetingCode.Should().Be("Boooply-AI-42");
        seen!.Attempt.Should().Be(1);
        seen.DeliveryKey.Should().Be("Boooply-AI-42:interview.scores");
        seen.Headers.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            [BoooplyWebhookHeaders.Event] = "interview.scores",
            [BoooplyWebhookHeaders.Platform] = "custom",
            [BoooplyWebhookHeaders.MeetingId] = "Boooply-AI-1234567890",
            [BoooplyWebhookHeaders.Signature] = BoooplyWebhookSigner.Sign(body, Deliveries.BoooplySecret),
        });
        seen.Headers["x-boooply-platform"].Should().Be("custom", "names are looked up case-insensitively");
        seen.Headers.ContainsKey("Authorization").Should().BeFalse("the bearer token is the secret itself");
        seen.Headers.Values.Should().NotContain(value => value.Contains(Deliveries.BoooplySecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceiveAsync_ClassetWithHttpHeaders_Returns200AndNeverExposesTheApiKey()
    {
        WebhookDeliveryContext? seen = null;
        using var provider = ReceiverServices.Build(services => services
            .AddClasset(options =>
            {
                options.LegacyApiKeys.Add(Deliveries.ClassetApiKey);
                options.AllowApiKeyFallback = true;
            })
            .AddHandler<ClassetWebhookEvent>((_, context, _) =>
            {
                seen = context;
                return Task.CompletedTask;
            }));
        var receiver = provider.GetRequiredService<ClassetWebhookReceiver>();
        var body = Deliveries.Classet();

        // The Azure Functions isolated worker's HttpHeadersCollection is an HttpHeaders, like this one.
        using var message = new HttpRequestMessage();
        message.Headers.TryAddWithoutValidation("X-Classet-Webhook-Signature", ClassetWebhookSigner.Sign(body, Deliveries.ClassetSecret));
        message.Headers.TryAddWithoutValidation(ClassetWebhookHeaders.ApiKey, Deliveries.ClassetApiKey);
        var result = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(message.Headers), body);

        result.Outcome.Should().Be(WebhookReceiveOutcome.Handled);
        result.DeliveryKey.Should().Be(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant());
        seen!.Headers.Keys.Should().Equal(ClassetWebhookHeaders.Signature);
        seen.Headers.ContainsKey(ClassetWebhookHeaders.ApiKey).Should().BeFalse("x-classet-key is an API credential");
    }

    [Fact]
    public async Task ReceiveAsync_WrongSignature_Returns401WithoutCallingHandlers()
    {
        var calls = 0;
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddHandler<BoooplyWebhookEvent>((_, _, _) =>
        {
            calls++;
            return Task.CompletedTask;
        }));
        var body = Deliveries.Boooply();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body, BoooplyWebhookSigner.Sign(body, "whsec_forger"))), body);

        result.StatusCode.Should().Be(401);
        result.EventType.Should().BeNull("nothing unverified is parsed");
        calls.Should().Be(0);
    }

    [Fact]
    public async Task ReceiveAsync_NoHeadersAtAll_Returns401()
    {
        using var provider = ReceiverServices.Build(services => services.AddBoooply());
        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(WebhookRequestHeaders.None, Deliveries.Boooply());
        result.Outcome.Should().Be(WebhookReceiveOutcome.Unauthorized);
    }

    [Fact]
    public async Task ReceiveAsync_StreamWithoutSignature_Returns401WithoutReadingTheBody()
    {
        using var provider = ReceiverServices.Build(services => services.AddBoooply());
        var stream = new CountingStream();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(new Dictionary<string, string> { ["x-boooply-event"] = "interview.scores" }), stream, declaredLength: null);

        result.StatusCode.Should().Be(401);
        stream.Reads.Should().Be(0, "a request the headers already condemn is answered before its body is read");
    }

    [Fact]
    public async Task ReceiveAsync_StreamBodyOverTheLimitWithoutDeclaredLength_Returns413AfterReadingNoMoreThanTheLimitPlusOne()
    {
        const int limit = 64 * 1024;
        using var provider = ReceiverServices.Build(services => services.AddBoooply(options => options.MaxRequestBodySize = limit));
        var stream = new CountingStream(maxChunk: 7000);

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(new Dictionary<string, string> { ["X-Boooply-Signature"] = new string('a', 64) }), stream, declaredLength: null);

        result.StatusCode.Should().Be(413);
        result.Outcome.Should().Be(WebhookReceiveOutcome.TooLarge);
        stream.BytesRead.Should().Be(limit + 1, "one byte past the limit proves the body is too long; nothing more is read");
    }

    [Fact]
    public async Task ReceiveAsync_StreamBodyDeclaredOverTheLimit_Returns413WithoutReadingAnything()
    {
        using var provider = ReceiverServices.Build(services => services.AddBoooply(options => options.MaxRequestBodySize = 1024));
        var body = Deliveries.Boooply();
        var stream = new CountingStream();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), stream, declaredLength: 10L * 1024 * 1024);

        result.StatusCode.Should().Be(413);
        stream.Reads.Should().Be(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public async Task ReceiveAsync_StreamBodyInSmallPiecesExactlyAtTheLimit_Returns200(bool? declare)
    {
        var body = Deliveries.Boooply();
        var handled = 0;
        using var provider = ReceiverServices.Build(services => services
            .AddBoooply(options => options.MaxRequestBodySize = body.Length)
            .AddHandler<BoooplyWebhookEvent>((_, _, _) =>
            {
                handled++;
                return Task.CompletedTask;
            }));

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), new TricklingStream(body, 13), declare is null ? null : body.Length);

        result.StatusCode.Should().Be(200);
        handled.Should().Be(1);
    }

    [Fact]
    public async Task ReceiveAsync_BytesOverTheLimit_Returns413()
    {
        var body = Deliveries.Boooply();
        using var provider = ReceiverServices.Build(services => services.AddBoooply(options => options.MaxRequestBodySize = body.Length - 1));
        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);
        result.StatusCode.Should().Be(413);
    }

    [Fact]
    public async Task ReceiveAsync_StreamThatThrows_Returns400AndLogsTheReadFailure()
    {
        var logs = new CapturingLoggerProvider();
        using var provider = ReceiverServices.Build(services => services.AddBoooply(), logs);
        var body = Deliveries.Boooply();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), new FailingStream(), declaredLength: null);

        result.StatusCode.Should().Be(400);
        result.Outcome.Should().Be(WebhookReceiveOutcome.BadRequest);
        logs.Records.Should().Contain(record => record.EventId.Id == 16);
    }

    [Fact]
    public async Task ReceiveAsync_CancelledWhileReading_ReturnsAbortedWithoutAnswering()
    {
        using var provider = ReceiverServices.Build(services => services.AddBoooply());
        var body = Deliveries.Boooply();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), new TricklingStream(body, 100), body.Length, cancellation.Token);

        result.Outcome.Should().Be(WebhookReceiveOutcome.Aborted);
        result.StatusCode.Should().Be(WebhookReceiveResult.ClientClosedRequestStatusCode);
        result.IsSuccessStatusCode.Should().BeFalse();
    }

    [Fact]
    public async Task ReceiveAsync_VerifiedButUnparseable_Returns400AndTheDeadLetterHandlerGetsTheBody()
    {
        WebhookDeadLetter? deadLetter = null;
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddDeadLetterHandler((letter, _) =>
        {
            deadLetter = letter;
            return Task.CompletedTask;
        }));
        var body = "{\"event\":"u8.ToArray();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        result.Outcome.Should().Be(WebhookReceiveOutcome.InvalidPayload);
        deadLetter!.Body.ToArray().Should().Equal(body);
    }

    [Fact]
    public async Task ReceiveAsync_DuplicateWithDeduplication_Returns200WithoutCallingHandlersAgain()
    {
        var calls = 0;
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddDeduplication().AddHandler<BoooplyWebhookEvent>((_, _, _) =>
        {
            calls++;
            return Task.CompletedTask;
        }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply();

        var first = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);
        var second = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        first.Outcome.Should().Be(WebhookReceiveOutcome.Handled);
        second.Outcome.Should().Be(WebhookReceiveOutcome.Duplicate);
        second.StatusCode.Should().Be(200);
        calls.Should().Be(1);
    }

    [Fact]
    public async Task ReceiveAsync_ConcurrentCallsOnOneReceiver_EachDeliveryHandledOnce()
    {
        var handled = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddDeduplication().AddHandler<BoooplyWebhookEvent>(async (e, _, _) =>
        {
            await Task.Yield();
            handled.AddOrUpdate(e.MeetingCode, 1, (_, count) => count + 1);
        }));
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var bodies = Enumerable.Range(0, 200).Select(index => Deliveries.Boooply("M-" + index)).ToList();

        var results = await Task.WhenAll(bodies.Concat(bodies).Select(body => Task.Run(async () =>
            await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body))));

        results.Should().OnlyContain(result => result.StatusCode == 200 || result.StatusCode == 409);
        handled.Should().HaveCount(200);
        handled.Values.Should().OnlyContain(count => count == 1);
    }

    [Fact]
    public void ReceiveAsync_NullBody_Throws()
    {
        using var provider = ReceiverServices.Build(services => services.AddBoooply());
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var act = () => receiver.ReceiveAsync(WebhookRequestHeaders.None, (Stream)null!, null);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void GetRequiredService_BothVendors_AreSingletonsAndShareOneMetricsInstance()
    {
        using var provider = ReceiverServices.Build(services =>
        {
            services.AddBoooply();
            services.AddClasset();
        });

        provider.GetRequiredService<BoooplyWebhookReceiver>().Should().BeSameAs(provider.GetRequiredService<BoooplyWebhookReceiver>());
        provider.GetRequiredService<ClassetWebhookReceiver>().Vendor.Should().Be(WebhookVendorNames.Classet);
        provider.GetServices<Internal.WebhookReceiverMetrics>().Should().ContainSingle();
    }

    [Fact]
    public void WebhookReceiveResult_StatusCodes_FollowTheStatusTable()
    {
        var expected = new Dictionary<WebhookReceiveOutcome, int>
        {
            [WebhookReceiveOutcome.Handled] = 200,
            [WebhookReceiveOutcome.UnknownEvent] = 200,
            [WebhookReceiveOutcome.Duplicate] = 200,
            [WebhookReceiveOutcome.Stored] = 200,
            [WebhookReceiveOutcome.InProgress] = 409,
            [WebhookReceiveOutcome.Unauthorized] = 401,
            [WebhookReceiveOutcome.TooLarge] = 413,
            [WebhookReceiveOutcome.InvalidPayload] = 400,
            [WebhookReceiveOutcome.BadRequest] = 400,
            [WebhookReceiveOutcome.HandlerFailed] = 500,
            [WebhookReceiveOutcome.HandlerTimeout] = 500,
            [WebhookReceiveOutcome.DeadLetterFailed] = 500,
            [WebhookReceiveOutcome.ConfigurationError] = 500,
            [WebhookReceiveOutcome.Error] = 500,
            [WebhookReceiveOutcome.StoreUnavailable] = 503,
            [WebhookReceiveOutcome.Aborted] = 499,
        };

        expected.Keys.Should().BeEquivalentTo(Enum.GetValues<WebhookReceiveOutcome>(), "every outcome has a row");
        foreach (var (outcome, status) in expected)
        {
            new WebhookReceiveResult(outcome).StatusCode.Should().Be(status, outcome.ToString());
        }
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the connection broke mid-body");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("the connection broke mid-body"));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
