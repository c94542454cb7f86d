// Testing package README: endpoint test begins
using System.Net;
using Classet.Boooply.Webhooks.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

public class WebhookEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Secret = "whsec_test-only-secret";
    private readonly RecordingAtsClient _ats = new();

    [Fact]
    public async Task Signed_evaluation_is_answered_200_and_handled()
    {
        using var client = CreateClient();
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret);

        using var response = await client.SendAsync(delivery.ToHttpRequestMessage("/webhooks/boooply"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_ats.Moves);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("no signature")]
    [InlineData("pretty-printed on the way")]
    public async Task Unverifiable_delivery_is_answered_401_and_not_handled(string tampering)
    {
        using var client = CreateClient();
        var delivery = BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), Secret);
        delivery = tampering switch
        {
            "wrong secret" => delivery.WithWrongSecret(),
            "no signature" => delivery.WithoutSignature(),
            _ => delivery.PrettyPrinted(),
        };

        using var response = await client.SendAsync(delivery.ToHttpRequestMessage("/webhooks/boooply"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_ats.Moves);
    }

    private HttpClient CreateClient() => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Webhooks:Boooply:SigningSecrets:0", Secret);
        builder.ConfigureTestServices(services => services.AddSingleton<IAtsClient>(_ats));
    }).CreateClient();
}
// Testing package README: endpoint test ends
