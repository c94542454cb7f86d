using System.Net;
using System.Net.Sockets;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Cli.Simulation;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;
using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Tests.Simulation;

public sealed class DeliverySimulatorTests
{
    private const string ClassetSecret = "classet-test-secret";
    private const string BoooplySecret = "whsec_boooply_test_secret";

    [Fact]
    public async Task SendAsync_ClassetFailsTwiceThenSucceeds_ReportsThreeAttemptsAndDelivers()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500, 500, 200);
        var (simulator, waits, reported) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(ClassetDelivery(), endpoint.Url, DeliveryRetryPolicy.Classet);

        result.Delivered.Should().BeTrue();
        result.Attempts.Select(a => a.StatusCode).Should().Equal(500, 500, 200);
        result.Attempts.Select(a => a.Number).Should().Equal(1, 2, 3);
        reported.Should().Equal(result.Attempts);
        waits.Select(w => w.Documented).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        endpoint.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task SendAsync_ClassetAlwaysFails_MakesExactlyFourAttemptsWithExponentialBackoff()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500);
        var (simulator, waits, _) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(ClassetDelivery(), endpoint.Url, DeliveryRetryPolicy.Classet);

        result.Delivered.Should().BeFalse();
        result.Attempts.Should().HaveCount(4).And.OnlyContain(a => a.StatusCode == 500 && a.MaxAttempts == 4);
        waits.Select(w => w.Documented).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        // Classet's first attempt goes out at once: no wait before attempt 1.
        waits.Select(w => w.NextAttempt).Should().Equal(2, 3, 4);
        endpoint.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task SendAsync_BoooplyShortReadingAlwaysFails_MakesFiveAttemptsTheLast75SecondsAfterTheFirst()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(503);
        var (simulator, waits, _) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(BoooplyDelivery(), endpoint.Url, DeliveryRetryPolicy.BoooplyShort);

        result.Delivered.Should().BeFalse();
        result.LastStatusCode.Should().Be(503);
        result.Attempts.Should().HaveCount(5);

        // The first attempt at once, then the listed backoffs between attempts: 5 + 10 + 20 + 40 = 75 s.
        waits.Select(w => w.NextAttempt).Should().Equal(2, 3, 4, 5);
        waits.Select(w => w.Documented.TotalSeconds).Should().Equal(5, 10, 20, 40);
        endpoint.RequestCount.Should().Be(5);
    }

    [Fact]
    public async Task SendAsync_BoooplyLongReadingAlwaysFails_WaitsBeforeEachOfTheFiveAttempts150SecondsInAll()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(503);
        var (simulator, waits, _) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(BoooplyDelivery(), endpoint.Url, DeliveryRetryPolicy.BoooplyLong);

        result.Attempts.Should().HaveCount(5);
        waits.Select(w => w.NextAttempt).Should().Equal(1, 2, 3, 4, 5);
        waits.Select(w => w.Documented.TotalSeconds).Should().Equal(5, 10, 20, 40, 80);

        // The last attempt comes 10 + 20 + 40 + 80 = 150 s after the first.
        waits.Skip(1).Sum(w => w.Documented.TotalSeconds).Should().Be(150);
    }

    [Fact]
    public async Task SendAsync_NonSuccessThatIsNot5xx_IsRetriedToo()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(401, 302, 204);
        var (simulator, _, _) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(BoooplyDelivery(), endpoint.Url, DeliveryRetryPolicy.BoooplyShort);

        result.Attempts.Select(a => a.StatusCode).Should().Equal(401, 302, 204);
        result.Delivered.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_ScaledDelays_ActuallyWaitTheScaledSchedule()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500);
        using var client = new HttpClient();
        var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions { DelayScale = 0.02 });

        var result = await simulator.SendAsync(ClassetDelivery(), endpoint.Url, DeliveryRetryPolicy.Classet);

        result.Attempts.Should().HaveCount(4);

        // 1 s + 2 s + 4 s scaled by 0.02 = 140 ms of waiting before the last attempt ends (a little slack for timer
        // granularity); unscaled it would be 7 s.
        result.LastAttempt.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(125)).And.BeLessThan(TimeSpan.FromSeconds(7));
        result.Attempts.Select(a => a.Elapsed).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_CountsEachAttemptAsFailedAndRetries()
    {
        var url = new Uri($"http://127.0.0.1:{GetUnusedPort()}/hook");
        var (simulator, waits, _) = CreateRecordingSimulator();

        var result = await simulator.SendAsync(ClassetDelivery(), url, DeliveryRetryPolicy.Classet);

        result.Delivered.Should().BeFalse();
        result.Attempts.Should().HaveCount(4).And.OnlyContain(a => a.StatusCode == null && a.Error != null);
        waits.Should().HaveCount(3);
    }

    [Fact]
    public async Task SendAsync_EndpointSlowerThanAttemptTimeout_CountsTheAttemptAsTimedOut()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(_ => 200, responseDelay: TimeSpan.FromSeconds(5));
        using var client = new HttpClient();
        var simulator = new DeliverySimulator(client, new DeliverySimulatorOptions { AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        var result = await simulator.SendAsync(BoooplyDelivery(), endpoint.Url, DeliveryRetryPolicy.None);

        result.Delivered.Should().BeFalse();
        result.LastAttempt.StatusCode.Should().BeNull();
        result.LastAttempt.Error.Should().Contain("timed out");
    }

    [Fact]
    public async Task SendAsync_Boooply_SendsEveryVendorHeaderAndASignatureTheVerifierAccepts()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var (simulator, _, _) = CreateRecordingSimulator();
        var delivery = BoooplyDelivery();
        var expectedBody = delivery.Body.ToArray();

        var result = await simulator.SendAsync(delivery, endpoint.Url, DeliveryRetryPolicy.BoooplyShort);

        result.Delivered.Should().BeTrue();
        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        request!.Body.Should().Equal(expectedBody);
        request.ContentType.Should().Be("application/json");
        request.Headers[BoooplyWebhookHeaders.Event].Should().Be("interview.evaluation");
        request.Headers[BoooplyWebhookHeaders.Platform].Should().Be("custom");
        request.Headers[BoooplyWebhookHeaders.MeetingId].Should().Be("Boooply-AI-1234567890");
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { BoooplySecret } });
        verifier.Verify(request.Body, request.Headers[BoooplyWebhookHeaders.Signature]).IsVerified.Should().BeTrue();
        verifier.VerifyBearerToken(request.Headers[BoooplyWebhookHeaders.Authorization]).IsVerified.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_Classet_SendsTheExactBodyWithASignatureTheVerifierAccepts()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var (simulator, _, _) = CreateRecordingSimulator();

        await simulator.SendAsync(ClassetDelivery(), endpoint.Url, DeliveryRetryPolicy.Classet);

        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        request!.Body.Should().Equal(ClassetDelivery().Body.ToArray());
        request.ContentType.Should().Be("application/json");
        request.Headers.Should().NotContainKey(ClassetWebhookHeaders.ApiKey);
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { ClassetSecret } });
        verifier.Verify(request.Body, request.Headers[ClassetWebhookHeaders.Signature]).IsVerified.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_ClassetWithOnlyAnApiKey_SendsTheLegacyHeaderAndNoSignature()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(200);
        var (simulator, _, _) = CreateRecordingSimulator();

        await simulator.SendAsync(ClassetDelivery().WithLegacyApiKey("org-api-key"), endpoint.Url, DeliveryRetryPolicy.None);

        endpoint.Requests.TryDequeue(out var request).Should().BeTrue();
        request!.Headers[ClassetWebhookHeaders.ApiKey].Should().Be("org-api-key");
        request.Headers.Should().NotContainKey(ClassetWebhookHeaders.Signature);
    }

    [Fact]
    public async Task SendAsync_EveryRetry_ResendsTheSameBytesAndSignature()
    {
        await using var endpoint = await FlakyEndpoint.StartAsync(500, 500, 200);
        var (simulator, _, _) = CreateRecordingSimulator();

        await simulator.SendAsync(BoooplyDelivery(), endpoint.Url, DeliveryRetryPolicy.BoooplyShort);

        var requests = endpoint.Requests.ToArray();
        requests.Should().HaveCount(3);
        requests.Select(r => Convert.ToHexString(r.Body)).Distinct().Should().ContainSingle();
        requests.Select(r => r.Headers[BoooplyWebhookHeaders.Signature]).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void Constructor_NegativeDelayScale_Throws()
    {
        using var client = new HttpClient();

        var act = () => new DeliverySimulator(client, new DeliverySimulatorOptions { DelayScale = -1 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static ClassetTestDelivery ClassetDelivery() => ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret);

    private static BoooplyTestDelivery BoooplyDelivery() => BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), BoooplySecret);

    private static (DeliverySimulator Simulator, List<RetryDelay> Waits, List<DeliveryAttempt> Reported) CreateRecordingSimulator()
    {
        var waits = new List<RetryDelay>();
        var reported = new List<DeliveryAttempt>();
        var simulator = new DeliverySimulator(new HttpClient(), new DeliverySimulatorOptions
        {
            // Observe the documented schedule without sleeping through it.
            DelayAsync = (wait, _) =>
            {
                waits.Add(wait);
                return Task.CompletedTask;
            },
            OnAttempt = reported.Add,
        });
        return (simulator, waits, reported);
    }

    private static int GetUnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
