using System.Collections.Concurrent;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>The inbox seam: with a delivery store registered, verified deliveries are stored instead of dispatched inline.</summary>
public sealed class WebhookReceiverDeliveryStoreTests
{
    [Fact]
    public async Task ReceiveAsync_StoreThrows_Returns503WithoutCallingHandlers()
    {
        var logs = new CapturingLoggerProvider();
        var calls = 0;
        using var provider = ReceiverServices.Build(
            services =>
            {
                services.AddBoooply().AddHandler<BoooplyWebhookEvent>((_, _, _) =>
                {
                    calls++;
                    return Task.CompletedTask;
                });
                WebhookServiceRegistration.UseDeliveryStore<BoooplyWebhookEvent>(services, _ => new RecordingStore { Failure = new IOException("disk full") });
            },
            logs);
        var body = Deliveries.Boooply("Boooply-AI-7");

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        result.StatusCode.Should().Be(503);
        result.Outcome.Should().Be(WebhookReceiveOutcome.StoreUnavailable);
        result.IsSuccessStatusCode.Should().BeFalse("never 200 for a delivery that was not stored");
        calls.Should().Be(0);
        logs.Records.Should().ContainSingle(record => record.EventId.Id == 18).Which.Exception.Should().BeOfType<IOException>();
    }

    [Fact]
    public async Task ReceiveAsync_StoreCommits_Returns200StoredWithTheSignedBodyAndHeadersAndRunsNoHandler()
    {
        var store = new RecordingStore();
        var calls = 0;
        using var provider = ReceiverServices.Build(services =>
        {
            services.AddBoooply().AddDeduplication().AddHandler<BoooplyWebhookEvent>((_, _, _) =>
            {
                calls++;
                return Task.CompletedTask;
            });
            WebhookServiceRegistration.UseDeliveryStore<BoooplyWebhookEvent>(services, _ => store);
        });
        var receiver = provider.GetRequiredService<BoooplyWebhookReceiver>();
        var body = Deliveries.Boooply("Boooply-AI-8");

        var first = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);
        var again = await receiver.ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        first.Outcome.Should().Be(WebhookReceiveOutcome.Stored);
        first.StatusCode.Should().Be(200);
        first.DeliveryKey.Should().Be("Boooply-AI-8:interview.scores");
        again.Outcome.Should().Be(WebhookReceiveOutcome.Duplicate);
        calls.Should().Be(0, "the background dispatcher runs the handlers later");
        var stored = store.Stored.Should().ContainSingle().Subject;
        stored.Body.Should().Equal(body);
        stored.Vendor.Should().Be(WebhookVendorNames.Boooply);
        stored.EventType.Should().Be("interview.scores");
        stored.ParseError.Should().BeNull();
        stored.Headers.Should().ContainKey(BoooplyWebhookHeaders.Event).And.NotContainKey("Authorization");
    }

    [Fact]
    public async Task ReceiveAsync_UnparseableBodyWithAStore_IsStoredAsADeadLetterAndAnswered400()
    {
        var store = new RecordingStore();
        using var provider = ReceiverServices.Build(services =>
        {
            services.AddBoooply();
            WebhookServiceRegistration.UseDeliveryStore<BoooplyWebhookEvent>(services, _ => store);
        });
        var body = "[1,2"u8.ToArray();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body)), body);

        result.Outcome.Should().Be(WebhookReceiveOutcome.InvalidPayload);
        var stored = store.Stored.Should().ContainSingle().Subject;
        stored.ParseError.Should().NotBeNull();
        stored.Body.Should().Equal(body);
        stored.DeliveryKey.Should().StartWith("sha256:");
    }

    [Fact]
    public async Task ReceiveAsync_ForgedBodyWithAStore_Returns401AndStoresNothing()
    {
        var store = new RecordingStore();
        using var provider = ReceiverServices.Build(services =>
        {
            services.AddBoooply();
            WebhookServiceRegistration.UseDeliveryStore<BoooplyWebhookEvent>(services, _ => store);
        });
        var body = Deliveries.Boooply();

        var result = await provider.GetRequiredService<BoooplyWebhookReceiver>().ReceiveAsync(
            WebhookRequestHeaders.Create(Deliveries.BoooplyHeaders(body, BoooplyWebhookSigner.Sign(body, "whsec_forger"))), body);

        result.StatusCode.Should().Be(401);
        store.Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task DispatchAsync_StoredDeliveryReplayed_HandlersSeeTheAttemptNumberAndTheStoredHeaders()
    {
        WebhookDeliveryContext? seen = null;
        using var provider = ReceiverServices.Build(services => services.AddBoooply().AddHandler<BoooplyWebhookEvent>((_, context, _) =>
        {
            seen = context;
            return Task.CompletedTask;
        }));
        var dispatcher = provider.GetRequiredService<WebhookDispatcher<BoooplyWebhookEvent>>();
        BoooplyWebhookSerializer.TryDeserialize(Deliveries.Boooply("Boooply-AI-9"), out var webhookEvent, out _).Should().BeTrue();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [BoooplyWebhookHeaders.Platform] = "custom" };
        var delivery = new WebhookDeliveryInfo(WebhookVendorNames.Boooply, "interview.scores", "Boooply-AI-9:interview.scores", WebhookVerificationMethod.RawBody, DateTimeOffset.UnixEpoch, headers);

        var result = await dispatcher.DispatchAsync(webhookEvent!, delivery, 3, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        result.StillRunning.Should().BeNull();
        seen!.Attempt.Should().Be(3);
        seen.Headers[BoooplyWebhookHeaders.Platform].Should().Be("custom");
    }

    private sealed class StoredCopy
    {
        public required string Vendor { get; init; }

        public required string EventType { get; init; }

        public required string DeliveryKey { get; init; }

        public required byte[] Body { get; init; }

        public required IReadOnlyDictionary<string, string> Headers { get; init; }

        public WebhookPayloadException? ParseError { get; init; }
    }

    private sealed class RecordingStore : IWebhookDeliveryStore
    {
        private readonly ConcurrentDictionary<string, StoredCopy> _byKey = new();

        public Exception? Failure { get; init; }

        public IReadOnlyList<StoredCopy> Stored => [.. _byKey.Values];

        public ValueTask<WebhookStoreResult> StoreAsync(VerifiedWebhookDelivery delivery, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                return ValueTask.FromException<WebhookStoreResult>(Failure);
            }

            // The body is borrowed: a store copies what it keeps.
            var copy = new StoredCopy
            {
                Vendor = delivery.Vendor,
                EventType = delivery.EventType,
                DeliveryKey = delivery.DeliveryKey,
                Body = delivery.Body.ToArray(),
                Headers = delivery.Headers,
                ParseError = delivery.ParseError,
            };
            return new(_byKey.TryAdd(delivery.Vendor + ":" + delivery.DeliveryKey, copy) ? WebhookStoreResult.Stored : WebhookStoreResult.AlreadyStored);
        }
    }
}
