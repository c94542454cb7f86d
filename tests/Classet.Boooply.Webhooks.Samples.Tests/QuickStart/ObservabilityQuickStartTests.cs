using System.Diagnostics;
using System.Net;
using Classet.Boooply.Webhooks.DependencyInjection;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Samples.QuickStart;
using Classet.Boooply.Webhooks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Classet.Boooply.Webhooks.Samples.Tests.QuickStart;

/// <summary>
/// The README's OpenTelemetry setup exports the endpoint's span and metrics over real Kestrel, and the pitfall it
/// explains is real: with only our source added, the default sampler drops our span because its parent, the request
/// activity ASP.NET Core starts for its own logging, is not recorded.
/// </summary>
public sealed class ObservabilityQuickStartTests
{
    private const string Secret = "whsec_observability-test";
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    [Fact]
    public async Task AddWebhookTelemetry_ReadmeSetup_ExportsTheDeliverySpanUnderTheRequestSpanAndTheMetrics()
    {
        var run = await DeliverAsync(builder => builder.AddWebhookTelemetry());

        run.Status.Should().Be(HttpStatusCode.OK);
        var span = run.Spans.Should().ContainSingle(a => a.Source.Name == WebhookTelemetry.Name).Subject;
        span.DisplayName.Should().Be("boooply webhook");
        span.GetTagItem(WebhookTelemetry.VendorTag).Should().Be("boooply");
        span.GetTagItem(WebhookTelemetry.EventTag).Should().Be("interview.evaluation");
        span.GetTagItem(WebhookTelemetry.OutcomeTag).Should().Be("handled");
        var request = run.Spans.Should().ContainSingle(a => a.Source.Name == AspNetCoreSource).Subject;
        span.ParentSpanId.Should().Be(request.SpanId, "the delivery span belongs to the exported request span");
        span.TraceId.Should().Be(request.TraceId);

        var deliveries = run.Metrics.Should().ContainSingle(m => m.Name == WebhookTelemetry.DeliveriesInstrument).Subject;
        var point = deliveries.MetricPoints.Should().ContainSingle().Subject;
        point.GetSumLong().Should().Be(1);
        Tags(point).Should().Contain(new Dictionary<string, object?>
        {
            [WebhookTelemetry.VendorTag] = "boooply",
            [WebhookTelemetry.EventTag] = "interview.evaluation",
            [WebhookTelemetry.OutcomeTag] = "handled",
        });
        var duration = run.Metrics.Should().ContainSingle(m => m.Name == WebhookTelemetry.HandlerDurationInstrument).Subject;
        duration.MetricPoints.Should().ContainSingle().Which.GetHistogramCount().Should().Be(1);
    }

    [Fact]
    public async Task AddSource_AloneWithTheDefaultSampler_ExportsNoDeliverySpanBecauseTheRequestActivityIsNotRecorded()
    {
        var run = await DeliverAsync(builder => builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(WebhookTelemetry.Name)));

        run.Status.Should().Be(HttpStatusCode.OK);
        run.Spans.Should().BeEmpty();
        run.HandlerActivity.Should().NotBeNull("ASP.NET Core starts a request activity even with no tracer listening to it");
        run.HandlerActivity!.Source.Name.Should().NotBe(WebhookTelemetry.Name, "our span was dropped, so the handler runs under the request activity");
        run.HandlerActivity.OperationName.Should().Be("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        run.HandlerActivity.Recorded.Should().BeFalse("nothing sampled it, so the parent-based default sampler drops its children");
    }

    [Fact]
    public async Task AddSource_WithTheAspNetCoreSourceInsteadOfTheInstrumentation_ExportsTheDeliverySpan()
    {
        var run = await DeliverAsync(builder => builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(AspNetCoreSource).AddSource(WebhookTelemetry.Name)));

        run.Status.Should().Be(HttpStatusCode.OK);
        var span = run.Spans.Should().ContainSingle(a => a.Source.Name == WebhookTelemetry.Name).Subject;
        span.ParentSpanId.Should().Be(run.Spans.Single(a => a.Source.Name == AspNetCoreSource).SpanId);
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    /// <summary>Runs a receiver with the given telemetry setup plus in-memory exporters, sends one signed delivery.</summary>
    private static async Task<Run> DeliverAsync(Action<WebApplicationBuilder> configureTelemetry)
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        Activity? handlerActivity = null;
        var builder = WebApplication.CreateBuilder([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Webhooks:Boooply:SigningSecrets:0", Secret,
        ]);
        builder.Services.AddBoooplyWebhooks()
            .AddHandler<BoooplyEvaluationEvent>((e, context, ct) =>
            {
                handlerActivity = Activity.Current;
                return Task.CompletedTask;
            });
        configureTelemetry(builder);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics));

        HttpStatusCode status;
        List<Activity> exportedSpans;
        List<MetricSnapshot> exportedMetrics;
        await using (var app = builder.Build())
        {
            app.MapBoooplyWebhooks("/webhooks/boooply");
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
            {
                using var request = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret)
                    .ToHttpRequestMessage(new Uri(new Uri(address), "/webhooks/boooply"));
                using var response = await client.SendAsync(request);
                status = response.StatusCode;
            }

            // Stopping waits for the request to finish, so its spans have ended; then collect what was exported.
            await app.StopAsync();
            app.Services.GetService<TracerProvider>()?.ForceFlush().Should().BeTrue();
            app.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
            exportedSpans = [.. spans];
            exportedMetrics = [.. metrics]; // before disposing, which exports the metrics once more
        }

        return new Run(status, exportedSpans, exportedMetrics, handlerActivity);
    }

    private sealed record Run(HttpStatusCode Status, List<Activity> Spans, List<MetricSnapshot> Metrics, Activity? HandlerActivity);
}
