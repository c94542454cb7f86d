using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Testing.Tests;

public sealed class WebhookTestContextsTests
{
    [Fact]
    public void For_BoooplyEvent_HasTheVendorEventTypeAndIdempotencyKey()
    {
        var context = WebhookTestContexts.For(BoooplyTestEvents.Evaluation());

        context.Vendor.Should().Be(WebhookVendorNames.Boooply);
        context.EventType.Should().Be("interview.evaluation");
        context.DeliveryKey.Should().Be("Boooply-AI-1234567890:interview.evaluation");
        context.VerificationMethod.Should().Be(WebhookVerificationMethod.RawBody);
        context.Services.GetService(typeof(string)).Should().BeNull();
    }

    [Fact]
    public void For_ClassetEvent_KeyIsTheHashOfTheBodyItsDeliverySends()
    {
        var updated = ClassetTestEvents.InterviewUpdated();

        var context = WebhookTestContexts.For(updated);

        context.Vendor.Should().Be(WebhookVendorNames.Classet);
        context.EventType.Should().Be("candidate.interview.updated");
        context.DeliveryKey.Should().Be(Convert.ToHexString(SHA256.HashData(ClassetTestDeliveries.Create(updated, "s").Body.Span)).ToLowerInvariant());
    }

    [Fact]
    public void For_Options_AreUsed()
    {
        using var services = new ServiceCollection().AddSingleton("a service").BuildServiceProvider();
        var receivedAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var context = WebhookTestContexts.For(BoooplyTestEvents.Scores(), new WebhookTestContextOptions
        {
            Services = services,
            ReceivedAt = receivedAt,
            VerificationMethod = WebhookVerificationMethod.CanonicalPython,
            DeliveryKey = "custom",
            Attempt = 3,
        });

        context.Services.GetService(typeof(string)).Should().Be("a service");
        context.ReceivedAt.Should().Be(receivedAt);
        context.VerificationMethod.Should().Be(WebhookVerificationMethod.CanonicalPython);
        context.DeliveryKey.Should().Be("custom");
        context.Attempt.Should().Be(3);
    }

    [Fact]
    public void For_NoOptions_IsTheFirstAttempt()
    {
        WebhookTestContexts.For(ClassetTestEvents.InterviewUpdated()).Attempt.Should().Be(1);
    }

    [Fact]
    public void For_UnknownEventWithoutMeetingCode_KeyIsTheBodyHashLikeTheEndpoints()
    {
        var unknown = BoooplyTestEvents.Unknown("interview.highlights", """{"clips":3}""");

        WebhookTestContexts.For(unknown).DeliveryKey.Should().StartWith("sha256:").And.HaveLength("sha256:".Length + 64);
    }

    [Fact]
    public async Task For_EveryEvent_MatchesWhatTheEndpointHandsTheHandler()
    {
        var seen = new List<WebhookDeliveryContext>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Boooply:SigningSecrets:0"] = "whsec_x",
            ["Webhooks:Classet:SigningSecrets:0"] = "c",
        });
        builder.Services.AddBoooplyWebhooks().AddHandler<BoooplyWebhookEvent>((_, context, _) => { seen.Add(context); return Task.CompletedTask; });
        builder.Services.AddClassetWebhooks().AddHandler<ClassetWebhookEvent>((_, context, _) => { seen.Add(context); return Task.CompletedTask; });
        await using var app = builder.Build();
        app.MapBoooplyWebhooks("/b");
        app.MapClassetWebhooks("/c");
        await app.StartAsync();
        using var client = app.GetTestClient();

        var evaluation = BoooplyTestEvents.Evaluation();
        var updated = ClassetTestEvents.InterviewUpdated();
        var unknown = BoooplyTestEvents.Unknown("interview.highlights", """{"clips":3}""");
        await client.SendAsync(BoooplyTestDeliveries.Create(evaluation, "whsec_x").ToHttpRequestMessage("/b"));
        await client.SendAsync(ClassetTestDeliveries.Create(updated, "c").ToHttpRequestMessage("/c"));
        await client.SendAsync(BoooplyTestDeliveries.Create(unknown, "whsec_x").ToHttpRequestMessage("/b"));

        WebhookDeliveryContext[] expected = [WebhookTestContexts.For(evaluation), WebhookTestContexts.For(updated), WebhookTestContexts.For(unknown)];
        seen.Select(c => (c.Vendor, c.EventType, c.DeliveryKey, c.VerificationMethod))
            .Should().Equal(expected.Select(c => (c.Vendor, c.EventType, c.DeliveryKey, c.VerificationMethod)));
    }
}
