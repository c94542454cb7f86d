using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.Internal.Canonical;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// Runs alone: it holds the process-wide limit on canonical-JSON checks, which would refuse other tests' checks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CanonicalVerificationLimit
{
    public const string Name = "Canonical verification limit";
}

/// <summary>
/// When the process already runs as many canonical-JSON checks as it allows, a delivery that would need one is answered
/// 503, over real HTTP: the delivery was not judged, so the vendor must retry it rather than take it as forged (401).
/// Its log line says why, without body content, and the metric outcome is <c>verification_throttled</c>.
/// </summary>
[Collection(CanonicalVerificationLimit.Name)]
public sealed class CanonicalVerificationThrottleTests
{
    [Theory]
    [InlineData("boooply")]
    [InlineData("classet")]
    public async Task Post_ReformattedDeliveryWhileEveryCanonicalSlotIsTaken_Returns503ThenVerifiesOnRetry(string vendor)
    {
        var outcomes = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookTelemetry.Name && instrument.Name == WebhookTelemetry.DeliveriesInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == WebhookTelemetry.OutcomeTag)
                {
                    outcomes.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();

        await using var host = vendor == "boooply"
            ? await Hosts.BoooplyAsync(options => options.AllowCanonicalJsonSignatures = true, kestrel: true)
            : await Hosts.ClassetAsync(options => options.AllowCanonicalJsonSignatures = true, kestrel: true);
        var compact = vendor == "boooply" ? Payloads.Boooply("M-throttle") : Payloads.Classet();
        var pretty = Payloads.Pretty(compact);
        HttpRequestMessage Request() => vendor == "boooply"
            ? Payloads.BoooplyRequest(pretty, BoooplyWebhookSigner.Sign(compact, Payloads.BoooplySecret))
            : Payloads.ClassetRequest(pretty, ClassetWebhookSigner.Sign(compact, Payloads.ClassetSecret));

        // Bounded, so a gate that lets everything through fails the assertion below rather than hanging the run.
        var taken = 0;
        while (taken <= CanonicalVerificationGate.Limit && CanonicalVerificationGate.TryEnter())
        {
            taken++;
        }

        HttpResponseMessage throttled;
        try
        {
            taken.Should().Be(CanonicalVerificationGate.Limit, "the gate admits exactly its limit");
            throttled = await host.Client.SendAsync(Request());
        }
        finally
        {
            for (; taken > 0; taken--)
            {
                CanonicalVerificationGate.Exit();
            }
        }

        using (throttled)
        {
            throttled.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await throttled.Content.ReadAsStringAsync()).Should().Be("Temporarily unavailable; retry later.\n");
        }

        var entry = host.Logs.Webhook.Should().ContainSingle(e => e.EventId.Id == 21).Subject;
        entry.Message.Should().Contain("503").And.Contain($"{System.Text.Encoding.UTF8.GetByteCount(pretty)}-byte body");
        entry.Message.Should().NotContain("Jane Doe").And.NotContain("cand_12345678");
        host.Logs.Webhook.Should().NotContain(e => e.EventId.Id == 3, "a throttled delivery is not reported as a mismatch");
        host.Recorder().Deliveries.Should().BeEmpty();
        outcomes.Should().Equal(["verification_throttled"]);

        using var retried = await host.Client.SendAsync(Request());
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Should().ContainSingle().Which.Context.VerificationMethod.Should().Be(WebhookVerificationMethod.CanonicalJavaScript);
    }
}
