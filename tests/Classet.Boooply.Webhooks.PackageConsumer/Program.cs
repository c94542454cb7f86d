using System.Net;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Receives one signed Boooply delivery through the packaged endpoint and rejects a forged one: proof that the
// packages restore, compile against their reference surface and work together outside this repository's build.
const string Secret = "whsec_package_consumer_secret";
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.Configuration["Webhooks:Boooply:SigningSecrets:0"] = Secret;
var seen = new List<string>();
builder.Services.AddBoooplyWebhooks()
    .AddHandler<BoooplyScoresEvent>((e, context, ct) =>
    {
        lock (seen) { seen.Add($"{e.MeetingCode} {e.Data.Recommendation}"); }
        return Task.CompletedTask;
    });

await using var app = builder.Build();
app.MapBoooplyWebhooks("/webhooks/boooply");
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

async Task<HttpStatusCode> PostAsync(string body, string secret)
{
    using var content = new StringContent(body, Encoding.UTF8, "application/json");
    content.Headers.Add(BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(body, secret));
    using var response = await client.PostAsync("/webhooks/boooply", content);
    return response.StatusCode;
}

const string Scores = """{"event":"interview.scores","data":{"meetingCode":"pkg-1","recommendation":"PASS","timestamp":"2025-01-15T10:30:00.000Z"}}""";
var signed = await PostAsync(Scores, Secret);
var forged = await PostAsync(Scores, "whsec_wrong");
await app.StopAsync();

var ok = signed == HttpStatusCode.OK && forged == HttpStatusCode.Unauthorized && seen is ["pkg-1 PASS"];
Console.WriteLine($"package consumer: signed {(int)signed}, forged {(int)forged}, handled [{string.Join(", ", seen)}]: {(ok ? "ok" : "FAILED")}");
return ok ? 0 : 1;
