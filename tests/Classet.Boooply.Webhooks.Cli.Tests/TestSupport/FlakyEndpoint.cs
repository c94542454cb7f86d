using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Cli.Tests.TestSupport;

/// <summary>A real Kestrel endpoint on 127.0.0.1 that answers with a scripted sequence of status codes and records every request.</summary>
internal sealed class FlakyEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, int> _statusForRequest;
    private readonly TimeSpan _responseDelay;
    private int _count;

    private FlakyEndpoint(WebApplication app, Func<int, int> statusForRequest, TimeSpan responseDelay)
    {
        _app = app;
        _statusForRequest = statusForRequest;
        _responseDelay = responseDelay;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Starts an endpoint; request n (1-based) is answered with <paramref name="statusForRequest"/>(n).</summary>
    public static async Task<FlakyEndpoint> StartAsync(Func<int, int> statusForRequest, TimeSpan responseDelay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new FlakyEndpoint(app, statusForRequest, responseDelay);
        app.MapPost("/hook", endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Url = new Uri(address + "/hook");
        return endpoint;
    }

    public static Task<FlakyEndpoint> StartAsync(params int[] statuses) =>
        StartAsync(n => statuses[Math.Min(n, statuses.Length) - 1]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        Requests.Enqueue(new RecordedRequest(
            buffer.ToArray(),
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_responseDelay > TimeSpan.Zero)
        {
            await Task.Delay(_responseDelay, context.RequestAborted);
        }

        context.Response.StatusCode = _statusForRequest(number);
        await context.Response.WriteAsync($"request {number}");
    }
}
