using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class WebhookEndpointTelemetryTests
{
    [Fact]
    public async Task Post_Deliveries_CountedByVendorEventAndOutcome_HandlerDurationRecorded()
    {
        var meetingCode = "M-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookEndpointTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        await using var host = await Hosts.BoooplyAsync();
        var eventType = "interview.telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var body = Payloads.Boooply(meetingCode, eventType);
        using (await host.Client.SendAsync(Payloads.BoooplyRequest(body)))
        {
        }

        using (await host.Client.SendAsync(Payloads.BoooplyRequest(body, BoooplyWebhookSigner.Sign(body, "whsec_forged"))))
        {
        }

        var mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault(WebhookEndpointTelemetry.EventTag), eventType)).ToList();
        mine.Should().Contain(m => m.Instrument == WebhookEndpointTelemetry.DeliveriesInstrument
            && Equals(m.Tags[WebhookEndpointTelemetry.VendorTag], "boooply")
            && Equals(m.Tags[WebhookEndpointTelemetry.OutcomeTag], "unknown_event"));
        mine.Should().Contain(m => m.Instrument == WebhookEndpointTelemetry.HandlerDurationInstrument && m.Value >= 0);
        measurements.Should().Contain(m => m.Instrument == WebhookEndpointTelemetry.DeliveriesInstrument
            && Equals(m.Tags[WebhookEndpointTelemetry.OutcomeTag], "unauthorized")
            && !m.Tags.ContainsKey(WebhookEndpointTelemetry.EventTag));
    }

    [Fact]
    public async Task Post_Delivery_EmitsOneActivityWithVendorEventAndOutcome()
    {
        var meetingCode = "M-" + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebhookEndpointTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await Hosts.BoooplyAsync(webhooks: b => b.AddHandler<BoooplyWebhookEvent>((_, _, _) => throw new InvalidOperationException()));
        var eventType = "interview.trace-" + Guid.NewGuid().ToString("N")[..8];
        using (await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(meetingCode, eventType))))
        {
        }

        var activity = activities.Should().ContainSingle(a => Equals(a.GetTagItem(WebhookEndpointTelemetry.EventTag), eventType)).Subject;
        activity.GetTagItem(WebhookEndpointTelemetry.VendorTag).Should().Be("boooply");
        activity.GetTagItem(WebhookEndpointTelemetry.OutcomeTag).Should().Be("handler_failed");
        activity.GetTagItem("webhook.verification_method").Should().Be("raw_body");
        activity.Status.Should().Be(ActivityStatusCode.Error);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
