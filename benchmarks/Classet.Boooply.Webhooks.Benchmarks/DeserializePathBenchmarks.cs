using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// The parse's share of a delivery, measured in one run: the public <c>Deserialize</c> beside the HMAC of the same body
/// and the whole in-process delivery through the endpoint (verify, parse, dispatch to one handler, respond).
/// </summary>
/// <remarks>
/// At commit 3a76ed9 this class also measured the hand-written one-pass readers (then the first step of the public
/// <c>Deserialize</c>) against the source-generated path alone; that run decided to delete the readers and keep one
/// path. Its numbers are in <c>benchmarks/results/DeserializePathBenchmarks.md</c>.
/// </remarks>
[MemoryDiagnoser]
public class DeserializePathBenchmarks
{
    private const string Secret = "whsec_benchmark_secret_5b1d8e2f";

    private WebApplication? _app;
    private RequestDelegate? _endpoint;
    private byte[] _body = [];
    private byte[] _key = [];
    private string _signature = string.Empty;
    private string _signatureHeader = string.Empty;
    private bool _isBoooply;

    /// <summary>Gets or sets the body: Boooply's 2 KB evaluation (as in the endpoint benchmark) or a Classet documented example.</summary>
    [Params("boooply-evaluation-2KB", "classet-interview-updated", "classet-call-completed")]
    public string Body { get; set; } = "boooply-evaluation-2KB";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _isBoooply = Body.StartsWith("boooply", StringComparison.Ordinal);
        _body = Body switch
        {
            "classet-interview-updated" => File.ReadAllBytes(FixturePath("Classet/candidate-interview-updated.json")),
            "classet-call-completed" => File.ReadAllBytes(FixturePath("Classet/call-completed.json")),
            _ => Encoding.UTF8.GetBytes(EndpointBenchmarks.BuildEvaluationPayload()),
        };
        _key = Encoding.UTF8.GetBytes(Secret);
        _signature = _isBoooply ? BoooplyWebhookSigner.Sign(_body, Secret) : ClassetWebhookSigner.Sign(_body, Secret);
        _signatureHeader = _isBoooply ? BoooplyWebhookHeaders.Signature : ClassetWebhookHeaders.Signature;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (_isBoooply)
        {
            builder.Services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret))
                .AddHandler<BoooplyWebhookEvent>(static (_, _, _) => Task.CompletedTask);
        }
        else
        {
            builder.Services.AddClassetWebhooks(options => options.SigningSecrets.Add(Secret))
                .AddHandler<ClassetWebhookEvent>(static (_, _, _) => Task.CompletedTask);
        }

        _app = builder.Build();
        if (_isBoooply)
        {
            _app.MapBoooplyWebhooks("/webhook");
        }
        else
        {
            _app.MapClassetWebhooks("/webhook");
        }

        await _app.StartAsync();
        _endpoint = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>().Single(endpoint => endpoint.RoutePattern.RawText == "/webhook").RequestDelegate;

        // A delivery answered anything but 200 would measure the wrong thing.
        if (await EndpointDelivery() != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The benchmark delivery of {Body} was not answered 200.");
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

    [Benchmark(Baseline = true, Description = "Deserialize")]
    public object Deserialize() => _isBoooply ? BoooplyWebhookSerializer.Deserialize(_body) : ClassetWebhookSerializer.Deserialize(_body);

    [Benchmark(Description = "HMAC-SHA256 of the body")]
    public byte[] Hmac() => HMACSHA256.HashData(_key, _body);

    [Benchmark(Description = "endpoint delivery (in-process)")]
    public async Task<int> EndpointDelivery()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Request.Headers[_signatureHeader] = _signature;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = Stream.Null;
        await _endpoint!(context);
        return context.Response.StatusCode;
    }

    private static string FixturePath(string relativeToFixtures, [CallerFilePath] string sourceFile = "")
    {
        var relative = Path.Combine("tests", "Classet.Boooply.Webhooks.Tests", "Fixtures", relativeToFixtures);
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "..", "..", relative));
        if (File.Exists(fromSource))
        {
            return fromSource;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Fixture {relativeToFixtures} not found; run the benchmarks from inside the repository.");
    }
}
