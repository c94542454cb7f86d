using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class WebhookEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapBoooplyWebhooks_WithoutAddBoooplyWebhooks_ThrowsNamingTheMissingCall()
    {
        var act = async () => await WebhookTestHost.StartAsync(_ => { }, app => app.MapBoooplyWebhooks("/webhooks/boooply"));
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*AddBoooplyWebhooks*");
    }

    [Fact]
    public async Task MapClassetWebhooks_WithoutAddClassetWebhooks_ThrowsNamingTheMissingCall()
    {
        var act = async () => await WebhookTestHost.StartAsync(
            builder => builder.Services.AddBoooplyWebhooks(o => o.SigningSecrets.Add(Payloads.BoooplySecret)),
            app => app.MapClassetWebhooks("/webhooks/classet"));
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*AddClassetWebhooks*");
    }

    [Fact]
    public async Task MapBoooplyWebhooks_ReturnsConventionBuilder_RequireHostComposes()
    {
        await using var host = await WebhookTestHost.StartAsync(
            builder => builder.Services.AddBoooplyWebhooks(o => o.SigningSecrets.Add(Payloads.BoooplySecret)),
            app => app.MapBoooplyWebhooks("/webhooks/boooply").RequireHost("hooks.example.com"));

        using var wrongHost = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));
        var right = Payloads.BoooplyRequest(Payloads.Boooply());
        right.Headers.Host = "hooks.example.com";
        using var rightHost = await host.Client.SendAsync(right);

        wrongHost.StatusCode.Should().Be(HttpStatusCode.NotFound);
        rightHost.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_MissingSecret_FailsWithKeyNameAndNoValue()
    {
        var act = async () => await WebhookTestHost.StartAsync(
            builder =>
            {
                builder.Configuration["Webhooks:Boooply:SigningSecrets:0"] = Payloads.BoooplySecret;
                builder.Configuration["Webhooks:Boooply:SigningSecrets:1"] = "";
                builder.Services.AddBoooplyWebhooks();
            },
            app => app.MapBoooplyWebhooks("/webhooks/boooply"));

        var exception = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        exception.Message.Should().Contain("Webhooks:Boooply:SigningSecrets:1").And.NotContain(Payloads.BoooplySecret);
    }

    [Fact]
    public async Task StartAsync_BothVendorsFromConfiguration_BothEndpointsWork()
    {
        await using var host = await WebhookTestHost.StartAsync(builder =>
        {
            builder.Configuration["Webhooks:Classet:SigningSecrets:0"] = Payloads.ClassetSecret;
            builder.Configuration["Webhooks:Boooply:SigningSecrets:0"] = Payloads.BoooplySecret;
            builder.Services.AddClassetWebhooks().AddHandler<Classet.ClassetWebhookEvent, RecordingClassetHandler>();
            builder.Services.AddBoooplyWebhooks().AddHandler<Boooply.BoooplyWebhookEvent, RecordingBoooplyHandler>();
        });

        using var classet = await host.Client.SendAsync(Payloads.ClassetRequest(Payloads.Classet()));
        using var boooply = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply()));

        classet.StatusCode.Should().Be(HttpStatusCode.OK);
        boooply.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorder().Deliveries.Select(d => d.Handler).Should().BeEquivalentTo(nameof(RecordingClassetHandler), nameof(RecordingBoooplyHandler));
    }

    [Fact]
    public async Task Post_ClassetSignatureSentToBoooplyEndpoint_Returns401()
    {
        await using var host = await WebhookTestHost.StartAsync(builder =>
        {
            builder.Services.AddClassetWebhooks(o => o.SigningSecrets.Add(Payloads.BoooplySecret));
            builder.Services.AddBoooplyWebhooks(o => o.SigningSecrets.Add(Payloads.BoooplySecret));
        });
        var body = Payloads.Boooply();
        var request = Payloads.BoooplyRequest(body, Classet.ClassetWebhookSigner.Sign(body, Payloads.BoooplySecret));
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
