using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// Real Kestrel on 127.0.0.1 (port 0), a real HttpClient, and deliveries signed by Node exactly as the vendors' own
/// snippets sign them. Node is required: these tests fail, not skip, without it.
/// </summary>
public sealed class KestrelEndToEndTests
{
    private static readonly string[] BoooplyEvents = ["interview.transcript", "interview.evaluation", "interview.scores", "interview.recording"];

    [Fact]
    public async Task Post_EveryBoooplyEventSignedByNodeWithVendorHeaders_Returns200AndHandlerSeesEach()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.RequireBearerToken = true, kestrel: true);
        var payloads = BoooplyEvents.Select(eventType => BoooplyPayload("Boooply-AI-" + eventType, eventType)).ToList();
        var signed = await NodeSigner.SignAsync("boooply", Payloads.BoooplySecret, payloads);

        for (var index = 0; index < signed.Count; index++)
        {
            using var response = await host.Client.SendAsync(BoooplyVendorRequest(signed[index], BoooplyEvents[index], "Boooply-AI-" + BoooplyEvents[index]));
            response.StatusCode.Should().Be(HttpStatusCode.OK, BoooplyEvents[index]);
        }

        host.Recorder().Deliveries.Select(d => ((BoooplyWebhookEvent)d.Event).EventType).Should().Equal(BoooplyEvents);
        host.Recorder().Deliveries.Select(d => d.Context.DeliveryKey).Should().Equal(BoooplyEvents.Select(e => $"Boooply-AI-{e}:{e}"));
    }

    [Fact]
    public async Task Post_ClassetEventsSignedByNode_Returns200()
    {
        await using var host = await Hosts.ClassetAsync(kestrel: true);
        var payloads = new[]
        {
            NodeSigner.Parse(Payloads.Classet("qualified")),
            NodeSigner.Parse("""{"call_id":"call_123","call_status":"completed","duration":95,"started_at":1717243200,"ended_at_ms":1717243295000}"""),
        };
        var signed = await NodeSigner.SignAsync("classet", Payloads.ClassetSecret, payloads);

        foreach (var delivery in signed)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/classet") { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(ClassetWebhookHeaders.Signature, delivery.Signature);
            using var response = await host.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        host.Recorder().Deliveries.Should().HaveCount(2);
        host.Recorder().Deliveries[0].Context.EventType.Should().Be("candidate.interview.updated");
    }

    [Fact]
    public async Task Post_FourHundredParallelDeliveriesValidForgedAndDuplicate_EachValidHandledExactlyOnceEachForged401()
    {
        const int valid = 300;
        const int forged = 100;
        const int duplicates = 50;
        var handled = new ConcurrentDictionary<string, int>();
        var mixedUp = new ConcurrentQueue<string>();
        await using var host = await Hosts.BoooplyAsync(
            recordingHandler: false,
            kestrel: true,
            webhooks: builder => builder
                .AddDeduplication()
                .AddHandler<BoooplyWebhookEvent>(async (evt, context, cancellationToken) =>
                {
                    await Task.Yield();
                    if (context.DeliveryKey != $"{evt.MeetingCode}:{evt.EventType}")
                    {
                        mixedUp.Enqueue(context.DeliveryKey);
                    }

                    handled.AddOrUpdate(evt.MeetingCode, 1, (_, count) => count + 1);
                }));

        var codes = Enumerable.Range(0, valid).Select(i => $"Boooply-AI-{i:D4}").ToList();
        var signed = await NodeSigner.SignAsync("boooply", Payloads.BoooplySecret, codes.Select((code, i) => BoooplyPayload(code, BoooplyEvents[i % 4])));
        var wrongSecret = await NodeSigner.SignAsync(
            "boooply", "whsec_attacker", Enumerable.Range(0, forged / 2).Select(i => BoooplyPayload($"Forged-{i:D4}", "interview.evaluation")));
        var tampered = signed.Take(forged / 2).Select(d => d with { Body = d.Body.Replace("Jane Doe", "Mallory", StringComparison.Ordinal) }).ToList();

        var jobs = new List<(string Kind, SignedDelivery Delivery, string EventType, string Code)>();
        jobs.AddRange(signed.Select((d, i) => ("valid", d, BoooplyEvents[i % 4], codes[i])));
        jobs.AddRange(wrongSecret.Select((d, i) => ("forged", d, "interview.evaluation", $"Forged-{i:D4}")));
        jobs.AddRange(tampered.Select((d, i) => ("forged", d, BoooplyEvents[i % 4], codes[i])));
        jobs.AddRange(signed.Skip(100).Take(duplicates).Select((d, i) => ("duplicate", d, BoooplyEvents[(i + 100) % 4], codes[i + 100])));
        jobs = [.. jobs.OrderBy(_ => Random.Shared.Next())];

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 128 };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var results = await Task.WhenAll(jobs.Select(async job =>
        {
            using var response = await client.SendAsync(BoooplyVendorRequest(job.Delivery, job.EventType, job.Code), deadline.Token);
            return (job.Kind, job.Code, response.StatusCode);
        }));

        results.Should().HaveCount(valid + forged + duplicates);
        results.Where(r => r.Kind == "forged").Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized);
        results.Where(r => r.Kind == "duplicate").Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        var validResults = results.Where(r => r.Kind == "valid").ToList();
        var duplicateCodes = results.Where(r => r.Kind == "duplicate").Select(r => r.Code).ToHashSet();

        // A valid delivery racing its own duplicate may be the one answered 409; then its twin got 200 and was handled.
        validResults.Where(r => !duplicateCodes.Contains(r.Code)).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var code in duplicateCodes)
        {
            results.Where(r => r.Code == code && r.Kind != "forged").Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        }

        handled.Keys.Should().BeEquivalentTo(codes, "every valid delivery was handled and nothing forged was");
        handled.Values.Should().OnlyContain(count => count == 1, "nothing was handled twice");
        mixedUp.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ValidChunkedDeliveryInManySmallChunks_Returns200()
    {
        await using var host = await Hosts.BoooplyAsync(kestrel: true);
        var body = Payloads.Boooply("Boooply-chunked").Replace("\"title\":\"", "\"title\":\"" + new string('t', 300 * 1024), StringComparison.Ordinal);
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, "POST /webhooks/boooply HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"X-Boooply-Signature: {BoooplyWebhookSigner.Sign(body, Payloads.BoooplySecret)}\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (var offset = 0; offset < body.Length; offset += 7001)
        {
            var chunk = body.Substring(offset, Math.Min(7001, body.Length - offset));
            await SendAsync(socket, $"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        await SendAsync(socket, "0\r\n\r\n");
        var response = await ReadResponseHeadAsync(socket);

        response.Should().StartWith("HTTP/1.1 200");
        ((BoooplyWebhookEvent)host.Recorder().Deliveries.Single().Event).MeetingCode.Should().Be("Boooply-chunked");
    }

    [Fact]
    public async Task Post_ContentLengthOverLimit_Answered413BeforeTheBodyIsSent()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = 1024 * 1024, kestrel: true);
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, "POST /webhooks/boooply HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"X-Boooply-Signature: {new string('a', 64)}\r\nContent-Length: {100L * 1024 * 1024}\r\n\r\n{{\"event\":");
        var response = await ReadResponseHeadAsync(socket);

        response.Should().StartWith("HTTP/1.1 413");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Answered413AsSoonAsTheLimitIsPassed()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = 64 * 1024, kestrel: true);
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, "POST /webhooks/boooply HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"X-Boooply-Signature: {new string('a', 64)}\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = new string('x', 16 * 1024);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(socket, $"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        // The body never ends: an answer can only come from the endpoint giving up at the limit.
        var response = await ReadResponseHeadAsync(socket);
        response.Should().StartWith("HTTP/1.1 413");
    }

    [Fact]
    public async Task Post_HugeBodyFromHttpClient_Gets413OrConnectionClosedButNeverHandled()
    {
        await using var host = await Hosts.BoooplyAsync(options => options.MaxRequestBodySize = 256 * 1024, kestrel: true);
        var body = Payloads.Boooply(new string('m', 8 * 1024 * 1024));
        HttpStatusCode? status = null;
        try
        {
            using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body));
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server may close the connection while the client is still uploading; both mean "not accepted".
        }

        (status is null || status == HttpStatusCode.RequestEntityTooLarge).Should().BeTrue($"got {status}");
        host.Recorder().Deliveries.Should().BeEmpty();
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 4);
    }

    private static JsonNode BoooplyPayload(string meetingCode, string eventType) => NodeSigner.Parse(eventType switch
    {
        "interview.evaluation" => $$$"""{"event":"interview.evaluation","data":{"meetingCode":"{{{meetingCode}}}","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","summary":"Strong React skills.","oneLineSummary":"Strong React skills but needs improvement in system design","overallRating":3,"recommendation":"PASS","confidenceLevel":"HIGH","scores":{"overall":72,"communication":80,"technicalSkills":75,"problemSolving":68,"cultureFit":70,"experienceMatch":74},"timestamp":"{{{Now()}}}"}}""",
        "interview.scores" => $$$"""{"event":"interview.scores","data":{"meetingCode":"{{{meetingCode}}}","candidateName":"Jane Doe","scores":{"overall":72,"communication":80,"technicalSkills":75},"overallRating":3,"recommendation":"PASS","timestamp":"{{{Now()}}}"}}""",
        "interview.recording" => $$$"""{"event":"interview.recording","data":{"meetingCode":"{{{meetingCode}}}","candidateName":"Jane Doe","videoApiUrl":"https://api.boooply.com/recordings/abc","durationSeconds":1820,"timestamp":"{{{Now()}}}"}}""",
        _ => $$$"""{"event":"interview.transcript","data":{"meetingCode":"{{{meetingCode}}}","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","isTeamMeeting":false,"candidateName":"Jane Doe","transcript":[{"speaker":"AI Interviewer","text":"Tell me about your experience with React.","startMs":12400},{"speaker":"Jane Doe","text":"I\u2019ve been working with React for 5 years \u2014 \"mostly\" hooks.","startMs":15200,"endMs":28900}],"transcriptCount":2,"timestamp":"{{{Now()}}}"}}""",
    });

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static HttpRequestMessage BoooplyVendorRequest(SignedDelivery delivery, string eventType, string meetingCode)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/boooply") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Signature, delivery.Signature);
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Event, eventType);
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Platform, "custom");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.MeetingId, meetingCode);
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Authorization, "Bearer " + Payloads.BoooplySecret);
        return request;
    }

    private static async Task<Socket> ConnectAsync(WebhookTestHost host)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, host.BaseAddress!.Port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None);

    private static async Task<string> ReadResponseHeadAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
