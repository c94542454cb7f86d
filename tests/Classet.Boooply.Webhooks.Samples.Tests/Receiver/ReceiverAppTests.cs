using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Samples.Receiver;
using Classet.Boooply.Webhooks.Testing;
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

#pragma warning disable CS0618 // Classet still sends the deprecated call_completed, so the receiver handles it.
        WebhookTestDelivery[] deliveries =
        [
            ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret),
            ClassetTestDeliveries.Create(ClassetTestEvents.CallCompleted(), ClassetSecret),
            BoooplyTestDeliveries.Create(BoooplyTestEvents.Transcript(), BoooplySecret),
            BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), BoooplySecret),
            BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), BoooplySecret),
            BoooplyTestDeliveries.Create(BoooplyTestEvents.Recording(), BoooplySecret),
        ];
        string[] eventTypes = ["candidate.interview.updated", "call_completed", "interview.transcript", "interview.evaluation", "interview.scores", "interview.recording"];
#pragma warning restore CS0618

        for (var index = 0; index < deliveries.Length; index++)
        {
            var before = receiver.Log.Count;
            var status = await receiver.SendAsync(deliveries[index]);

            status.Should().Be(200, eventTypes[index]);
            receiver.Log.GetEntries(before).Should().ContainSingle()
                .Which.Should().Match<ReceivedWebhook>(e => e.Kind == ReceivedWebhookKind.Handled && e.EventType == eventTypes[index]);
        }
    }

    [Fact]
    public async Task Build_Duplicate_IsAnswered200WithoutRunningTheHandlerAgain()
    {
        await using var receiver = await StartAsync();
        var delivery = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret);

        (await receiver.SendAsync(delivery)).Should().Be(200);
        (await receiver.SendAsync(delivery)).Should().Be(200);

        receiver.Log.GetEntries().Should().ContainSingle();
    }

    [Theory]
    [InlineData(WebhookVendorNames.Classet)]
    [InlineData(WebhookVendorNames.Boooply)]
    public async Task Build_WrongSecret_IsAnswered401AndNoHandlerRuns(string vendor)
    {
        await using var receiver = await StartAsync();
        WebhookTestDelivery delivery = vendor == WebhookVendorNames.Classet
            ? ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).WithWrongSecret()
            : BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), BoooplySecret).WithWrongSecret();

        var status = await receiver.SendAsync(delivery);

        status.Should().Be(401);
        receiver.Log.Count.Should().Be(0);
    }

    [Fact]
    public async Task Build_SignedButMalformed_IsAnswered400AndDeadLettered()
    {
        await using var receiver = await StartAsync();
        var body = ClassetTestEvents.MalformedBody(WebhookTestMalformation.TrailingComma);

        var status = await receiver.SendAsync(ClassetTestDeliveries.Create(body, ClassetSecret));

        status.Should().Be(400);
        receiver.Log.GetEntries().Should().ContainSingle().Which.Kind.Should().Be(ReceivedWebhookKind.DeadLettered);
    }

    [Fact]
    public async Task Build_BodyOverTheConfiguredLimit_IsAnswered413()
    {
        await using var receiver = await StartAsync(new() { ["Webhooks:Boooply:MaxRequestBodySize"] = "256" });

        var status = await receiver.SendAsync(BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), BoooplySecret));

        status.Should().Be(413);
        receiver.Log.Count.Should().Be(0);
    }

    [Fact]
    public async Task Build_UnknownEventType_IsAnswered200AndReachesTheUnknownEventHandler()
    {
        await using var receiver = await StartAsync();
        var status = await receiver.SendAsync(BoooplyTestDeliveries.Create(BoooplyTestEvents.Unknown("interview.highlights", """{"meetingCode":"m-1"}"""), BoooplySecret));

        status.Should().Be(200);
        receiver.Log.GetEntries().Should().ContainSingle().Which.Kind.Should().Be(ReceivedWebhookKind.UnknownEvent);
    }

    [Fact]
    public async Task Build_HandlerFailsTwice_IsAnswered200AtOnceAndTheInboxRetriesUntilItPasses()
    {
        var attempts = new List<int>();
        await using var receiver = await StartAsync(configureServices: services => services.AddBoooplyWebhooks()
            .AddHandler<BoooplyScoresEvent>((_, context, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(context.Attempt);
                }

                return context.Attempt < 3 ? throw new InvalidOperationException("the ATS is down") : Task.CompletedTask;
            }));

        var status = await receiver.SendAsync(BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), BoooplySecret));

        status.Should().Be(200);
        attempts.Should().Equal(1, 2, 3);
        receiver.Log.GetEntries().Should().ContainSingle().Which.Attempt.Should().Be(3);
    }

    [Fact]
    public async Task Build_Restarted_RemembersHandledDeliveriesInItsSqliteFile()
    {
        var directory = Directory.CreateTempSubdirectory("receiver-restart-");
        var delivery = ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret);
        await using (var first = await StartAsync(inboxDirectory: directory.FullName))
        {
            (await first.SendAsync(delivery)).Should().Be(200);
            first.Log.Count.Should().Be(1);
        }

        await using var second = await StartAsync(inboxDirectory: directory.FullName);
        (await second.SendAsync(delivery)).Should().Be(200);

        second.Log.Count.Should().Be(0, "the vendor's retry of a delivery handled before the restart is a duplicate");
    }

    [Fact]
    public async Task Build_DevelopmentEnvironment_UsesTheFakeSecretsOfAppSettingsDevelopment()
    {
        await using var receiver = await StartAsync(secrets: null, environment: "Development");

        var status = await receiver.SendAsync(BoooplyTestDeliveries.Create(BoooplyTestEvents.Recording(), "whsec_dev-boooply-secret-NOT-A-REAL-SECRET"));

        status.Should().Be(200);
    }

    [Fact]
    public async Task Build_NoSecretsConfigured_FailsAtStartupNotOnTheFirstDelivery()
    {
        var directory = Directory.CreateTempSubdirectory("receiver-tests-");
        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:" + ReceiverApp.InboxConnectionStringName] = "Data Source=" + Path.Combine(directory.FullName, "inbox.db"),
            });
            builder.Logging.ClearProviders();
        });
        await using (app)
        {
            var act = () => app.StartAsync();

            await act.Should().ThrowAsync<OptionsValidationException>();
        }
    }

    private static async Task<RunningReceiver> StartAsync(
        Dictionary<string, string?>? settings = null,
        Dictionary<string, string?>? secrets = null,
        string environment = "Production",
        Action<IServiceCollection>? configureServices = null,
        string? inboxDirectory = null)
    {
        var ownsDirectory = inboxDirectory is null;
        inboxDirectory ??= Directory.CreateTempSubdirectory("receiver-tests-").FullName;
        var inbox = new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ReceiverApp.InboxConnectionStringName] = "Data Source=" + Path.Combine(inboxDirectory, "inbox.db"),
            ["Webhooks:Inbox:RetryDelays:0"] = "00:00:00.050",
            ["Webhooks:Inbox:RetryJitter"] = "0",
        };
        secrets ??= environment == "Production"
            ? new() { ["Webhooks:Classet:SigningSecrets:0"] = ClassetSecret, ["Webhooks:Boooply:SigningSecrets:0"] = BoooplySecret }
            : [];
        var app = ReceiverApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(inbox);
            builder.Configuration.AddInMemoryCollection(secrets);
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Logging.ClearProviders();
            configureServices?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningReceiver(app, new Uri(address), ownsDirectory ? inboxDirectory : null);
    }

    private sealed class RunningReceiver(WebApplication app, Uri baseAddress, string? ownedDirectory) : IAsyncDisposable
    {
        private readonly HttpClient _client = new();

        public ReceivedWebhookLog Log => app.Services.GetRequiredService<ReceivedWebhookLog>();

        public async Task<int> SendAsync(WebhookTestDelivery delivery)
        {
            var path = delivery.Vendor == WebhookVendorNames.Classet ? ReceiverApp.ClassetPath : ReceiverApp.BoooplyPath;
            using var response = await _client.SendAsync(delivery.ToHttpRequestMessage(new Uri(baseAddress, path)));

            // The answer came once the delivery was stored; what the handlers saw is read once the inbox is idle.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await ReceiverApp.WaitUntilInboxIdleAsync(app.Services, timeout.Token);
            return (int)response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            if (ownedDirectory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(ownedDirectory, recursive: true);
            }
        }
    }
}
