using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Samples.QuickStart;
using Classet.Boooply.Webhooks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Samples.Tests.QuickStart;

/// <summary>The README's quick starts do what the README says.</summary>
public sealed class QuickStartTests
{
    private const string Secret = "whsec_quick-start-test";

    [Fact]
    public void Handle_DirectQuickStartWithTheRightSignature_Answers200()
    {
        var body = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray();

        DirectQuickStart.Handle(body, BoooplyWebhookSigner.Sign(body, Secret), Secret).Should().Be(200);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void Handle_DirectQuickStartWithoutTheRightSignature_Answers401(string? signature)
    {
        DirectQuickStart.Handle(BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray(), signature, Secret).Should().Be(401);
    }

    [Fact]
    public async Task Build_AspNetCoreQuickStart_ReceivesAnEvaluationAndRunsTheTypedHandler()
    {
        var app = AspNetCoreQuickStart.Build([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Logging:LogLevel:Default", "Warning",
            "--Webhooks:Classet:SigningSecrets:0", "quick-start-classet",
            "--Webhooks:Boooply:SigningSecrets:0", Secret,
        ]);
        await using (app)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient();

            using var response = await client.SendAsync(
                BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).ToHttpRequestMessage(new Uri(new Uri(address), "/webhooks/boooply")));

            ((int)response.StatusCode).Should().Be(200);
            app.Services.GetRequiredService<AtsClient>().Recommendations.Should()
                .ContainKey("Boooply-AI-1234567890:interview.evaluation").WhoseValue.Should().Be("org_7234567890/Jane Doe: PASS");
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task HandleAsync_AnyHostQuickStartWithoutAspNetCore_Answers200AndRunsTheTypedHandlerThen401ForAForgery()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = Secret })
                .Build())
            .AddWebhooks()
            .AddSingleton<BoooplyWebhookFunction>();
        await using var provider = services.BuildServiceProvider();
        var function = provider.GetRequiredService<BoooplyWebhookFunction>();
        var body = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret).Body.ToArray();

        var status = await function.HandleAsync(
            new Dictionary<string, string> { ["x-boooply-signature"] = BoooplyWebhookSigner.Sign(body, Secret), ["x-boooply-event"] = "interview.evaluation" },
            body,
            CancellationToken.None);
        var forged = await function.HandleAsync(
            new Dictionary<string, string> { ["x-boooply-signature"] = BoooplyWebhookSigner.Sign(body, "whsec_forger") },
            body,
            CancellationToken.None);

        status.Should().Be(200);
        forged.Should().Be(401);
        provider.GetRequiredService<AtsClient>().Recommendations.Should()
            .ContainKey("Boooply-AI-1234567890:interview.evaluation").WhoseValue.Should().Be("org_7234567890/Jane Doe: PASS");
    }

    [Fact]
    public void AddWebhooks_DependencyInjectionQuickStart_ResolvesTheHandler()
    {
        var services = new ServiceCollection().AddWebhooks();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetService<EvaluationHandler>().Should().NotBeNull();
    }
}
