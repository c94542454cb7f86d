using System.Net;
using System.Reflection;
using System.Text;
using Classet.Boooply.Webhooks;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Exercises every library path that trimming or native AOT could break: source-generated (de)serialization of every
// fixture, configuration binding, DI registration, and the endpoints over real HTTP. Exit code 0 only if all of it works.
// Published trimmed (this project) and as a native binary (Classet.Boooply.Webhooks.AotSmoke, which links this file).
const string BoooplySecret = "whsec_trim_smoke_secret";
const string ClassetSecret = "classet_trim_smoke_secret";
var failures = new List<string>();

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

var fixtures = Assembly.GetExecutingAssembly().GetManifestResourceNames()
    .Where(name => name.StartsWith("fixtures/", StringComparison.Ordinal))
    .Select(name =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return (Name: name, Body: memory.ToArray());
    })
    .ToList();
Check(fixtures.Count >= 6, $"expected the six vendor fixtures, found {fixtures.Count}");

foreach (var (name, body) in fixtures)
{
    if (name.Contains("boooply", StringComparison.OrdinalIgnoreCase))
    {
        var parsed = BoooplyWebhookSerializer.Deserialize(body);
        Check(parsed is not BoooplyUnknownEvent && parsed.MeetingCode.Length > 0, $"{name}: parsed as {parsed.GetType().Name}");
        Check(BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.SerializeToUtf8Bytes(parsed)).EventType == parsed.EventType, $"{name}: round trip");
    }
    else
    {
        var parsed = ClassetWebhookSerializer.Deserialize(body);
        Check(parsed is not ClassetUnknownEvent, $"{name}: parsed as {parsed.GetType().Name}");
        Check(ClassetWebhookSerializer.Deserialize(ClassetWebhookSerializer.SerializeToUtf8Bytes(parsed)).EventType == parsed.EventType, $"{name}: round trip");
    }
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Webhooks:Boooply:SigningSecrets:0"] = BoooplySecret,
    ["Webhooks:Boooply:RequireBearerToken"] = "true",
    ["Webhooks:Classet:SigningSecrets:0"] = ClassetSecret,
});
var handled = new List<string>();
builder.Services.AddBoooplyWebhooks()
    .AddHandler<BoooplyWebhookEvent>((e, _, _) => { lock (handled) { handled.Add(e.EventType); } return Task.CompletedTask; });
builder.Services.AddClassetWebhooks()
    .AddHandler<ClassetWebhookEvent>((e, _, _) => { lock (handled) { handled.Add(e.EventType); } return Task.CompletedTask; });

await using var app = builder.Build();
app.MapBoooplyWebhooks("/webhooks/boooply");
app.MapClassetWebhooks("/webhooks/classet");
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

async Task<HttpStatusCode> PostAsync(string path, byte[] body, params (string Name, string Value)[] headers)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    foreach (var (headerName, value) in headers)
    {
        request.Headers.TryAddWithoutValidation(headerName, value);
    }

    using var response = await client.SendAsync(request);
    return response.StatusCode;
}

foreach (var (name, body) in fixtures)
{
    var status = name.Contains("boooply", StringComparison.OrdinalIgnoreCase)
        ? await PostAsync("/webhooks/boooply", body, (BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(body, BoooplySecret)), (BoooplyWebhookHeaders.Authorization, "Bearer " + BoooplySecret))
        : await PostAsync("/webhooks/classet", body, (ClassetWebhookHeaders.Signature, ClassetWebhookSigner.Sign(body, ClassetSecret)));
    Check(status == HttpStatusCode.OK, $"{name}: HTTP {(int)status}");
}

var forged = Encoding.UTF8.GetBytes("""{"event":"interview.scores","data":{"meetingCode":"forged"}}""");
Check(await PostAsync("/webhooks/boooply", forged, (BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(forged, "whsec_wrong")), (BoooplyWebhookHeaders.Authorization, "Bearer " + BoooplySecret)) == HttpStatusCode.Unauthorized, "forged delivery was not rejected");
Check(handled.Count == fixtures.Count, $"handlers saw {handled.Count} of {fixtures.Count} deliveries");
await app.StopAsync();

if (failures.Count > 0)
{
    Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName} FAILED:");
    failures.ForEach(f => Console.Error.WriteLine("  - " + f));
    return 1;
}

Console.WriteLine($"{AppDomain.CurrentDomain.FriendlyName} passed: {fixtures.Count} fixtures parsed and round-tripped, {handled.Count} deliveries handled over HTTP, forged rejected.");
return 0;
