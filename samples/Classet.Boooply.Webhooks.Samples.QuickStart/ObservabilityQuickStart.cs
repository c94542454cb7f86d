using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>The README's OpenTelemetry setup: the endpoints' meter and activity source, exported.</summary>
public static class ObservabilityQuickStart
{
    /// <summary>Adds OpenTelemetry metrics and tracing for the webhook endpoints. The caller adds its exporter.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddWebhookTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // README OpenTelemetry begins
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(WebhookTelemetry.Name))      // "Classet.Boooply.Webhooks": deliveries, handler time
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()                // the request span ours belongs to: needed, see below
                .AddSource(WebhookTelemetry.Name));    // one span per delivery
        // README OpenTelemetry ends
        return builder;
    }
}
