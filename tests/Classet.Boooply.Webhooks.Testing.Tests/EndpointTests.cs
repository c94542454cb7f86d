using System.Net;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Testing.Tests;

/// <summary>The deliveries get the status-table answers from the real endpoints, over Kestrel and through TestServer.</summary>
public sealed class EndpointTests
{
    private const string Secret = "whsec_endpoint-test";
    private const string ClassetSecret = "classet-endpoint-test";

    public static TheoryData<string, int> Cases => new()
    {
        { "documented", 200 },
        { "wrong secret", 401 },
        { "no signature", 401 },
        { "pretty-printed", 401 },
        { "python, non-ASCII", 401 },
        { "stale timestamp", 401 },
        { "fresh timestamp", 200 },
        { "unknown event", 200 },
        { "malformed", 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Boooply_OverKestrel_GetsTheStatusTheStatusTableGives(string name, int expected)
    {
        await using var app = await StartAsync(kestrel: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var response = await client.SendAsync(Boooply(name).ToHttpRequestMessage("/webhooks/boooply"));

        ((int)response.StatusCode).Should().Be(expected, name);
    }

    [Theory]
    [InlineData(false, 401)]
    [InlineData(true, 200)]
    public async Task ReformattedBodies_AreAcceptedOnlyWithCanonicalSignatures(bool canonical, int expected)
    {
        await using var app = await StartAsync(kestrel: false, canonical);
        using var client = app.GetTestClient();

        using var pretty = await client.SendAsync(ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).PrettyPrinted().ToHttpRequestMessage("/webhooks/classet"));
        using var python = await client.SendAsync(BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(d => d with { CandidateName = "José" }), Secret).WithCurrentTimestamp().ReserializedByPython().ToHttpRequestMessage("/webhooks/boooply"));

        ((int)pretty.StatusCode).Should().Be(expected);
        ((int)python.StatusCode).Should().Be(expected);
    }

    [Fact]
    public async Task ToHttpContent_PostAsyncThroughTestServer_IsAccepted()
    {
        await using var app = await StartAsync(kestrel: false);
        using var client = app.GetTestClient();

        using var response = await client.PostAsync("/webhooks/classet", ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).ToHttpContent());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LegacyApiKey_WithSigningSecretsConfigured_IsRejectedByTheDowngradeRule()
    {
        await using var app = await StartAsync(kestrel: false);
        using var client = app.GetTestClient();

        using var response = await client.SendAsync(ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), ClassetSecret).WithLegacyApiKey("org-key").ToHttpRequestMessage("/webhooks/classet"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static BoooplyTestDelivery Boooply(string name)
    {
        var scores = BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(), Secret).WithCurrentTimestamp();
        return name switch
        {
            "documented" => scores,
            "wrong secret" => scores.WithWrongSecret(),
            "no signature" => scores.WithoutSignature(),
            "pretty-printed" => scores.PrettyPrinted(),
            "python, non-ASCII" => BoooplyTestDeliveries.Create(BoooplyTestEvents.Scores(d => d with { CandidateName = "José" }), Secret).WithCurrentTimestamp().ReserializedByPython(),
            "stale timestamp" => scores.WithStaleTimestamp(TimeSpan.FromHours(1)),
            "fresh timestamp" => scores.WithStaleTimestamp(TimeSpan.FromSeconds(30)),
            "unknown event" => BoooplyTestDeliveries.Create(BoooplyTestEvents.Unknown("interview.highlights"), Secret).WithCurrentTimestamp(),
            _ => BoooplyTestDeliveries.Create(BoooplyTestEvents.MalformedBody(), Secret),
        };
    }

    private static async Task<WebApplication> StartAsync(bool kestrel, bool canonical = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Boooply:SigningSecrets:0"] = Secret,
            ["Webhooks:Boooply:MaxEventAge"] = "00:10:00",
            ["Webhooks:Boooply:AllowCanonicalJsonSignatures"] = canonical ? "true" : "false",
            ["Webhooks:Classet:SigningSecrets:0"] = ClassetSecret,
            ["Webhooks:Classet:AllowCanonicalJsonSignatures"] = canonical ? "true" : "false",
        });
        builder.Services.AddBoooplyWebhooks().AddHandler<BoooplyWebhookEvent>((_, _, _) => Task.CompletedTask);
        builder.Services.AddClassetWebhooks().AddHandler<ClassetWebhookEvent>((_, _, _) => Task.CompletedTask);
        var app = builder.Build();
        app.MapBoooplyWebhooks("/webhooks/boooply");
        app.MapClassetWebhooks("/webhooks/classet");
        await app.StartAsync();
        return app;
    }
}
