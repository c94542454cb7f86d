using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// What an unauthenticated sender can make the receiver spend: a forged Boooply delivery (a well-formed hex signature
/// from the wrong secret), with <c>AllowCanonicalJsonSignatures</c> off and on, through the verifier alone and through
/// <c>MapBoooplyWebhooks</c> invoked in-process with Warning logging on (so the mismatch hint is computed and the
/// message formatted). Boooply is the costlier vendor with the option on: both canonical forms are tried.
/// <para>
/// Bodies: the vendor's evaluation padded to 3 KB; 1 MiB of small values (<c>[0,0,0,…]</c>, the shape that made a tree
/// cost 80 times the body); a 4 MiB transcript with non-ASCII speech (just under the default MaxRequestBodySize), whose
/// Python form is larger than the body. The target is at most 2× the body allocated per forged request; CPU is quoted as
/// a ratio to the raw HMAC of the same body (the baseline) and to <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class ForgedRequestBenchmarks
{
    private const string Secret = "whsec_benchmark_secret_5b1d8e2f";

    private byte[] _body = [];
    private byte[] _key = [];
    private byte[] _expected = [];
    private string _signature = string.Empty;
    private BoooplyWebhookVerifier _verifier = null!;
    private WebApplication? _app;
    private RequestDelegate? _endpoint;

    /// <summary>The forged body.</summary>
    [Params("3 KB evaluation", "1 MiB small values", "4 MiB transcript")]
    public string Body { get; set; } = string.Empty;

    /// <summary>Whether <c>AllowCanonicalJsonSignatures</c> is on.</summary>
    [Params(false, true)]
    public bool Canonical { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = Body switch
        {
            "3 KB evaluation" => Evaluation(3 * 1024),
            "1 MiB small values" => SmallValues(1024 * 1024),
            _ => Transcript((4 * 1024 * 1024) - 1024),
        };
        _key = Encoding.UTF8.GetBytes(Secret);
        _signature = BoooplyWebhookSigner.Sign(_body, "whsec_forger");
        _expected = Convert.FromHexString(_signature);
        _verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret }, AllowCanonicalJsonSignatures = Canonical });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(new FormattingLoggerProvider());
        builder.Services.AddBoooplyWebhooks(options =>
        {
            options.SigningSecrets.Add(Secret);
            options.AllowCanonicalJsonSignatures = Canonical;
        }).AddHandler<BoooplyWebhookEvent>(static (_, _, _) => Task.CompletedTask);
        _app = builder.Build();
        _app.MapBoooplyWebhooks("/webhooks/boooply");
        await _app.StartAsync();
        _endpoint = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == "/webhooks/boooply").RequestDelegate;

        // Fail fast if this would not measure a rejected forgery.
        if (_verifier.Verify(_body, _signature).Status != WebhookVerificationStatus.SignatureMismatch || await EndpointForged() != StatusCodes.Status401Unauthorized)
        {
            throw new InvalidOperationException("The forged body must be rejected with a signature mismatch (401).");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "raw HMAC (HashData + FixedTimeEquals)")]
    public bool RawHmac()
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, hash);
        return CryptographicOperations.FixedTimeEquals(hash, _expected);
    }

    [Benchmark(Description = "JsonDocument.Parse")]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.ValueKind;
    }

    [Benchmark(Description = "BoooplyWebhookVerifier.Verify, forged")]
    public WebhookVerificationStatus VerifierForged() => _verifier.Verify(_body, _signature).Status;

    [Benchmark(Description = "MapBoooplyWebhooks in-process, forged, Warning logs")]
    public async Task<int> EndpointForged()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Request.Headers[BoooplyWebhookHeaders.Signature] = _signature;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = Stream.Null;
        await _endpoint!(context);
        return context.Response.StatusCode;
    }

    private static byte[] Evaluation(int size)
    {
        const string Prefix = """{"event":"interview.evaluation","data":{"meetingCode":"Boooply-AI-1234567890","candidateName":"Jane Doe","overallRating":3,"recommendation":"PASS","scores":{"overall":72,"communication":80},"questionsAsked":[""";
        const string Item = """{"topic":"Technical","question":"How do you handle state?","candidateAnswer":"Hooks, context and a reducer.","answerQuality":4,"score":0.75,"timestamp":"02:15"}""";
        const string Suffix = """],"timestamp":"2026-03-21T18:35:00.000Z"}}""";
        return Repeat(Prefix, Item, Suffix, size);
    }

    private static byte[] Transcript(int size)
    {
        const string Prefix = """{"event":"interview.transcript","data":{"meetingCode":"Boooply-AI-1234567890","candidateName":"Zoë Doe","transcript":[""";
        const string Item = """{"speaker":"Zoë Doe","text":"I've been working with React for 5 years — café, naïve, 面接.","startMs":1234000}""";
        const string Suffix = """],"timestamp":"2026-03-21T18:30:00.000Z"}}""";
        return Repeat(Prefix, Item, Suffix, size);
    }

    private static byte[] SmallValues(int size)
    {
        var builder = new StringBuilder(size).Append('[');
        while (builder.Length < size - 3)
        {
            builder.Append("0,");
        }

        return Encoding.ASCII.GetBytes(builder.Append(builder.Length == size - 3 ? "10]" : "0]").ToString());
    }

    /// <summary>As many comma-separated items as fit in <paramref name="size"/> UTF-8 bytes between prefix and suffix.</summary>
    private static byte[] Repeat(string prefix, string item, string suffix, int size)
    {
        var itemBytes = Encoding.UTF8.GetByteCount(item) + 1;
        var count = Math.Max(1, (size - Encoding.UTF8.GetByteCount(prefix + suffix)) / itemBytes);
        return Encoding.UTF8.GetBytes(prefix + string.Join(",", Enumerable.Repeat(item, count)) + suffix);
    }

    /// <summary>Enabled for Warning and above; formats each message, as a real provider would, and drops it.</summary>
    private sealed class FormattingLoggerProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            GC.KeepAlive(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
