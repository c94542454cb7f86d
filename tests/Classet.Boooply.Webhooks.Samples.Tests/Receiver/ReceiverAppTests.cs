using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Samples.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.Samples.Tests.Receiver;

public sealed class ReceiverAppTests
{
    private const string ClassetSecret = "receiver-test-classet-secret";
    private const string BoooplySecret = "whsec_receiver-test-boooply-secret";

    [Fact]
    public async Task Build_EveryDocumentedEvent_IsAnswered200AndReachesItsTypedHandler()
    {
        await using var receiver = await StartAsync();

        foreach (var simulated in SimulatedEvents.All)
        {
            var before = receiver.Log.Count;
            var result = await receiver.SendAsync(WebhookDelivery.For(simulated, receiver.UrlFor(simulated.Vendor), SecretFor(simulated.Vendor)));

            result.LastStatusCode.Should().Be(200, simulated.EventType);
            receiver.Log.GetEntries(before).Should().ContainSingle()
                .Which.Should().Match<ReceivedWebhook>(e => e.Kind == ReceivedWebhookKind.Handled && e.EventType == simulated.EventType);
        }
    }

    [Fact]
    public async Task Build_Duplicate_IsAnswered200WithoutRunningTheHandlerAgain()
    {
        await using var receiver = await StartAsync();
        var delivery = WebhookDelivery.For(SimulatedEvents.ClassetInterviewUpdated, receiver.UrlFor(WebhookVendor.Classet), ClassetSecret);

        (await receiver.SendAsync(delivery)).LastStatusCode.Should().Be(200);
        (await receiver.SendAsync(delivery)).LastStatusCode.Should().Be(200);

        receiver.Log.GetEntries().Should().ContainSingle();
    }

    [Theory]
    [InlineData(WebhookVendor.Classet)]
    [InlineData(WebhookVendor.Boooply)]
    public async Task Build_WrongSecret_IsAnswered401AndNoHandlerRuns(WebhookVendor vendor)
    {
        await using var receiver = await StartAsync();
        var simulated = vendor == WebhookVendor.Classet ? SimulatedEvents.ClassetInterviewUpdated : SimulatedEvents.BoooplyScores;

        var result = await receiver.SendAsync(WebhookDelivery.For(simulated, receiver.UrlFor(vendor), "whsec_not-the-secret"));

        result.LastStatusCode.Should().Be(401);
        receiver.Log.Count.Should().Be(0);
    }

    [Fact]
    public async Task Build_SignedButMalformed_IsAnswered400AndDeadLettered()
    {
        await using var receiver = await StartAsync();
        var body = "{\"event\":\"candidate.interview.updated\",\"data\":[1,}"u8.ToArray();

        var result = await receiver.SendAsync(WebhookDelivery.ForClasset(receiver.UrlFor(WebhookVendor.Classet), body, ClassetSecret));

        result.LastStatusCode.Should().Be(400);
        receiver.Log.GetEntries().Should().ContainSingle().Which.Kind.Should().Be(ReceivedWebhookKind.DeadLettered);
    }

    [Fact]
    public async Task Build_BodyOverTheConfiguredLimit_IsAnswered413()
    {
        await using var receiver = await StartAsync(new() { ["Webhooks:Boooply:MaxRequestBodySize"] = "256" });

        var result = await receiver.SendAsync(WebhookDelivery.For(SimulatedEvents.BoooplyEvaluation, receiver.UrlFor(WebhookVendor.Boooply), BoooplySecret));

        result.LastStatusCode.Should().Be(413);
        receiver.Log.Count.Should().Be(0);
    }

    [Fact]
    public async Task Build_UnknownEventType_IsAnswered200AndReachesTheUnknownEventHandler()
    {
        await using var receiver = await StartAsync();
        var body = Encoding.UTF8.GetBytes("""{"event":"interview.highlights","data":{"meetingCode":"m-1"}}""");

        var result = await receiver.SendAsync(WebhookDelivery.ForBoooply(receiver.UrlFor(WebhookVendor.Boooply), body, BoooplySecret));

        result.LastStatusCode.Should().Be(200);
        receiver.Log.GetEntries().Should().ContainSingle().Which.Kind.Should().Be(ReceivedWebhookKind.UnknownEvent);
    }

    [Fact]
    public async Task Build_HandlerThrows_IsAnswered500SoTheVendorRetries()
    {
        await using var receiver = await StartAsync(configureServices: services => services.AddBoooplyWebhooks()
            .AddHandler<BoooplyScoresEvent>((_, _, _) => throw new InvalidOperationException("the ATS is down")));

        var result = await receiver.SendAsync(WebhookDelivery.For(SimulatedEvents.BoooplyScores, receiver.UrlFor(WebhookVendor.Boooply), BoooplySecret));

        result.LastStatusCode.Should().Be(500);
    }

    [Fact]
    public async Task Build_DevelopmentEnvironment_UsesTheFakeSecretsOfAppSettingsDevelopment()
    {
        await using var receiver = await StartAsync(secrets: null, environment: "Development");

        var result = await receiver.SendAsync(WebhookDelivery.For(
            SimulatedEvents.BoooplyRecording, receiver.UrlFor(WebhookVendor.Boooply), "whsec_dev-boooply-secret-NOT-A-REAL-SECRET"));

        result.LastStatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Build_NoSecretsConfigured_FailsAtStartupNotOnTheFirstDelivery()
    {
        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder => builder.Logging.ClearProviders());
        await using (app)
        {
            var act = () => app.StartAsync();

            await act.Should().ThrowAsync<OptionsValidationException>();
        }
    }

    private static string SecretFor(WebhookVendor vendor) => vendor == WebhookVendor.Classet ? ClassetSecret : BoooplySecret;

    private static async Task<RunningReceiver> StartAsync(
        Dictionary<string, string?>? settings = null,
        Dictionary<string, string?>? secrets = null,
        string environment = "Production",
        Action<IServiceCollection>? configureServices = null)
    {
        secrets ??= environment == "Production"
            ? new() { ["Webhooks:Classet:SigningSecrets:0"] = ClassetSecret, ["Webhooks:Boooply:SigningSecrets:0"] = BoooplySecret }
            : [];
        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(secrets);
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Logging.ClearProviders();
            configureServices?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningReceiver(app, new Uri(address));
    }

    private sealed class RunningReceiver(WebApplication app, Uri baseAddress) : IAsyncDisposable
    {
        private readonly HttpClient _client = new();

        public ReceivedWebhookLog Log => app.Services.GetRequiredService<ReceivedWebhookLog>();

        public Uri UrlFor(WebhookVendor vendor) => new(baseAddress, vendor == WebhookVendor.Classet ? ReceiverApp.ClassetPath : ReceiverApp.BoooplyPath);

        public Task<DeliveryResult> SendAsync(WebhookDelivery delivery) =>
            new DeliverySimulator(_client).SendAsync(delivery, DeliveryRetryPolicy.None);

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
