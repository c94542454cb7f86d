using System.Buffers;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// The overhead of <c>MapBoooplyWebhooks</c> (read once, verify, parse, dispatch to one handler, respond) against a bare
/// <c>MapPost</c> that only reads the body and answers 200, in the same run, two ways:
/// <list type="bullet">
/// <item><c>Loopback</c>: a real Kestrel on 127.0.0.1 and a real HttpClient, which is what a deployed app pays per delivery
/// (the 1.3× target applies here).</item>
/// <item><c>InProcess</c>: each endpoint's RequestDelegate invoked directly on a fresh <see cref="DefaultHttpContext"/>, with
/// no server or network, which isolates the endpoint's own CPU and allocations (a harsher ratio by construction).</item>
/// </list>
/// The payload is a realistic ~2 KB <c>interview.evaluation</c> delivery.
/// <para>
/// A third endpoint in each category, <c>hand-written read + HMAC + parse</c>, is the floor any receiver pays: it reads
/// the body into one array, checks the signature with <see cref="BoooplyWebhookVerifier"/>, parses with
/// <see cref="BoooplyWebhookSerializer"/> and answers 200, with no DI scope, handler, logging or telemetry. The gap
/// between it and the bare endpoint is what the HMAC and the parse cost; the gap between it and
/// <c>MapBoooplyWebhooks</c> is the endpoint's own overhead. It is a measuring aid, not a competitor: it is not a
/// safe receiver (no size limit, no status table).
/// </para>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndpointBenchmarks
{
    private const string Secret = "whsec_benchmark_secret_5b1d8e2f";

    private WebApplication? _app;
    private HttpClient? _client;
    private byte[] _body = [];
    private string _signature = string.Empty;
    private RequestDelegate? _bare;
    private RequestDelegate? _boooply;
    private RequestDelegate? _floor;
    private BoooplyWebhookVerifier? _verifier;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = Encoding.UTF8.GetBytes(BuildEvaluationPayload());
        _signature = BoooplyWebhookSigner.Sign(_body, Secret);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret))
            .AddHandler<BoooplyWebhookEvent>(static (_, _, _) => Task.CompletedTask);
        _app = builder.Build();
        _app.MapPost("/bare", (RequestDelegate)ReadBodyAndAnswerOkAsync);
        _app.MapPost("/floor", (RequestDelegate)ReadVerifyParseAndAnswerOkAsync);
        _app.MapBoooplyWebhooks("/webhooks/boooply");
        _verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
        await _app.StartAsync();

        var endpoints = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();
        _bare = endpoints.Single(endpoint => endpoint.RoutePattern.RawText == "/bare").RequestDelegate;
        _boooply = endpoints.Single(endpoint => endpoint.RoutePattern.RawText == "/webhooks/boooply").RequestDelegate;
        _floor = endpoints.Single(endpoint => endpoint.RoutePattern.RawText == "/floor").RequestDelegate;
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };

        // Fail fast if the delivery would not be a 200: a benchmark of 401s would measure the wrong thing.
        foreach (var path in (string[])["/bare", "/floor", "/webhooks/boooply"])
        {
            using var check = await _client.SendAsync(CreateRequest(path));
            if ((int)check.StatusCode != StatusCodes.Status200OK)
            {
                throw new InvalidOperationException($"The benchmark delivery to {path} was answered {(int)check.StatusCode}, not 200.");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "bare MapPost (loopback)")]
    [BenchmarkCategory("Loopback")]
    public async Task<int> BareLoopback()
    {
        using var response = await _client!.SendAsync(CreateRequest("/bare"));
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "MapBoooplyWebhooks (loopback)")]
    [BenchmarkCategory("Loopback")]
    public async Task<int> BoooplyLoopback()
    {
        using var response = await _client!.SendAsync(CreateRequest("/webhooks/boooply"));
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "hand-written read + HMAC + parse (loopback)")]
    [BenchmarkCategory("Loopback")]
    public async Task<int> FloorLoopback()
    {
        using var response = await _client!.SendAsync(CreateRequest("/floor"));
        return (int)response.StatusCode;
    }

    [Benchmark(Baseline = true, Description = "bare MapPost (in-process)")]
    [BenchmarkCategory("InProcess")]
    public async Task<int> BareInProcess()
    {
        var context = CreateContext();
        await _bare!(context);
        return context.Response.StatusCode;
    }

    [Benchmark(Description = "MapBoooplyWebhooks (in-process)")]
    [BenchmarkCategory("InProcess")]
    public async Task<int> BoooplyInProcess()
    {
        var context = CreateContext();
        await _boooply!(context);
        return context.Response.StatusCode;
    }

    [Benchmark(Description = "hand-written read + HMAC + parse (in-process)")]
    [BenchmarkCategory("InProcess")]
    public async Task<int> FloorInProcess()
    {
        var context = CreateContext();
        await _floor!(context);
        return context.Response.StatusCode;
    }

    private static async Task ReadBodyAndAnswerOkAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ReadVerifyParseAndAnswerOkAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync(context.RequestAborted);
            if (result.IsCompleted)
            {
                break;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        var body = result.Buffer.ToArray();
        reader.AdvanceTo(result.Buffer.End);
        var verified = _verifier!.Verify(body, context.Request.Headers[BoooplyWebhookHeaders.Signature].ToString()).IsVerified;
        context.Response.StatusCode = verified && BoooplyWebhookSerializer.TryDeserialize(body, out _, out _)
            ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
    }

    private HttpRequestMessage CreateRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Signature, _signature);
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Event, "interview.evaluation");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Platform, "custom");
        return request;
    }

    private DefaultHttpContext CreateContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Request.Headers[BoooplyWebhookHeaders.Signature] = _signature;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = Stream.Null;
        return context;
    }

    internal static string BuildEvaluationPayload() =>
        """{"event":"interview.evaluation","data":{"meetingCode":"Boooply-AI-1234567890","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","summary":"Jane demonstrated strong technical skills in React and TypeScript, with clear explanations of state management trade-offs and testing strategy. System design answers were less structured.","oneLineSummary":"Strong React skills but needs improvement in system design","overallRating":3,"recommendation":"PASS","confidenceLevel":"HIGH","scores":{"overall":72,"communication":80,"technicalSkills":75,"problemSolving":68,"cultureFit":70,"experienceMatch":74},"recruiterSummary":{"tldr":"Solid mid-senior frontend engineer.","quickDecision":"ADVANCE"},"skillsAssessment":[{"skill":"React","rating":4,"evidence":"Explained reconciliation and memoization clearly."},{"skill":"TypeScript","rating":4,"evidence":"Used generics and discriminated unions fluently."},{"skill":"System Design","rating":2,"evidence":"Struggled to partition a feed service."}],"strengthsAndWeaknesses":{"strengths":[{"point":"Clear communicator","evidence":"Structured answers."}],"weaknesses":[{"point":"System design depth","evidence":"Missed caching layers."}]},"redFlags":[{"flag":"Vague on ownership","severity":"WARNING","context":"Team project attribution unclear."}],"positiveSignals":[{"signal":"Curiosity","context":"Asked about the team's testing culture."}],"questionsAsked":[{"question":"Tell me about your experience with React.","answer":"Five years, mostly hooks.","quality":4,"topic":"React","timestamp":"02:15"},{"question":"How would you design a news feed?","answer":"A service with a cache.","quality":2,"topic":"System Design","timestamp":"14:40"}],"sentimentAnalysis":{"enthusiasm":"HIGH","authenticity":"HIGH","stressLevel":"LOW"},"timestamp":"2026-03-01T12:00:00.000Z"}}""";
}
