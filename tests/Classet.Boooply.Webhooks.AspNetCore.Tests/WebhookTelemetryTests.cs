using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class WebhookTelemetryTests
{
    [Fact]
    public async Task Post_Deliveries_CountedByVendorEventAndOutcome_HandlerDurationRecorded()
    {
        var meetingCode = "M-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookTelemetry.Name)
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

        var mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault(WebhookTelemetry.EventTag), eventType)).ToList();
        mine.Should().Contain(m => m.Instrument == WebhookTelemetry.DeliveriesInstrument
            && Equals(m.Tags[WebhookTelemetry.VendorTag], "boooply")
            && Equals(m.Tags[WebhookTelemetry.OutcomeTag], "unknown_event"));
        mine.Should().Contain(m => m.Instrument == WebhookTelemetry.HandlerDurationInstrument && m.Value >= 0);
        measurements.Should().Contain(m => m.Instrument == WebhookTelemetry.DeliveriesInstrument
            && Equals(m.Tags[WebhookTelemetry.OutcomeTag], "unauthorized")
            && !m.Tags.ContainsKey(WebhookTelemetry.EventTag));
    }

    [Fact]
    public async Task Post_Delivery_EmitsOneActivityWithVendorEventAndOutcome()
    {
        var meetingCode = "M-" + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebhookTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await Hosts.BoooplyAsync(webhooks: b => b.AddHandler<BoooplyWebhookEvent>((_, _, _) => throw new InvalidOperationException()));
        var eventType = "interview.trace-" + Guid.NewGuid().ToString("N")[..8];
        using (await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply(meetingCode, eventType))))
        {
        }

        var activity = activities.Should().ContainSingle(a => Equals(a.GetTagItem(WebhookTelemetry.EventTag), eventType)).Subject;
        activity.GetTagItem(WebhookTelemetry.VendorTag).Should().Be("boooply");
        activity.GetTagItem(WebhookTelemetry.OutcomeTag).Should().Be("handler_failed");
        activity.GetTagItem("webhook.verification_method").Should().Be("raw_body");
        activity.Status.Should().Be(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task Post_HandlerDurationListened_MeasuresTheHandlersWithTheHostClock()
    {
        var clock = new SteppingTimestampProvider();
        var durations = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookTelemetry.Name && instrument.Name == WebhookTelemetry.HandlerDurationInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => durations.Enqueue((value, ToDictionary(tags))));
        listener.Start();

        await using var host = await Hosts.BoooplyAsync(
            webhooks: b => b.AddHandler<BoooplyWebhookEvent>((_, _, _) =>
            {
                clock.Advance(TimeSpan.FromSeconds(2.5));
                return Task.CompletedTask;
            }),
            app: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var eventType = "interview.duration-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("M-" + Guid.NewGuid().ToString("N"), eventType)));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var mine = durations.Should().ContainSingle(d => Equals(d.Tags.GetValueOrDefault(WebhookTelemetry.EventTag), eventType)).Subject;
        mine.Seconds.Should().BeApproximately(2.5, 1e-9);
        mine.Tags[WebhookTelemetry.OutcomeTag].Should().Be("unknown_event");
        clock.TimestampReads.Should().Be(2);
    }

    [Fact]
    public async Task Post_HandlerDurationNotListened_DoesNotReadTheClockButStillCountsTheDelivery()
    {
        var clock = new SteppingTimestampProvider();
        var deliveries = new ConcurrentQueue<Dictionary<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookTelemetry.Name && instrument.Name == WebhookTelemetry.DeliveriesInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => deliveries.Enqueue(ToDictionary(tags)));
        listener.Start();

        var handled = 0;
        await using var host = await Hosts.BoooplyAsync(
            webhooks: b => b.AddHandler<BoooplyWebhookEvent>((_, _, _) =>
            {
                Interlocked.Increment(ref handled);
                return Task.CompletedTask;
            }),
            app: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var eventType = "interview.untimed-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("M-" + Guid.NewGuid().ToString("N"), eventType)));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        handled.Should().Be(1);
        deliveries.Should().ContainSingle(d => Equals(d.GetValueOrDefault(WebhookTelemetry.EventTag), eventType));
        clock.TimestampReads.Should().Be(0);
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

    /// <summary>A monotonic clock the test steps by hand, counting how often the endpoint reads it.</summary>
    private sealed class SteppingTimestampProvider : TimeProvider
    {
        private long _timestamp = 1_000;
        private int _reads;

        public int TimestampReads => Volatile.Read(ref _reads);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            Interlocked.Increment(ref _reads);
            return Interlocked.Read(ref _timestamp);
        }

        public void Advance(TimeSpan by) => Interlocked.Add(ref _timestamp, by.Ticks);
    }
}
