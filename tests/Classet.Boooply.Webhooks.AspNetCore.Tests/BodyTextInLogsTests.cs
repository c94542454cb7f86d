using System.Collections.Concurrent;
using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// Signed deliveries whose bodies carry a marker (a candidate's data, as far as the SDK can tell) go through the real
/// endpoint on Kestrel with every log level on. The marker must appear nowhere in what is logged: not in a message, a
/// structured value, a scope, an exception message or an exception's <c>ToString()</c>.
/// </summary>
public sealed class BodyTextInLogsTests
{
    private const string Marker = "Jane MARKER-5f1c Doe, 555-0100";

    public static TheoryData<string, string, HttpStatusCode> Deliveries() => new()
    {
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m-1","candidateName":"MARK" x}}""", HttpStatusCode.BadRequest },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m-1","overallRating":"MARK"}}""", HttpStatusCode.BadRequest },
        { "boooply", """{"event":"interview.transcript","data":{"meetingCode":"m-1","transcript":[{"text":"MARK","startMs":{"MARK":1}}]}}""", HttpStatusCode.BadRequest },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m-1","MARK":1,"timestamp":"MARK"}}""", HttpStatusCode.BadRequest },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m-1","note":"MARK""", HttpStatusCode.BadRequest },
        { "boooply", """{"event":"interview.scores","data":{"meetingCode":"m-2","candidateName":"MARK","summary":"MARK"}}""", HttpStatusCode.OK },
        { "boooply", """{"event":"interview.started","data":{"meetingCode":"m-3","candidateName":"MARK"}}""", HttpStatusCode.OK },
        { "classet", """{"event":"candidate.interview.updated","changes":{},"data":{"interview_summary":"MARK",}}""", HttpStatusCode.BadRequest },
        { "classet", """{"event":"candidate.interview.updated","changes":{"MARK":null},"data":{}}""", HttpStatusCode.BadRequest },
        { "classet", """{"event":"candidate.interview.updated","changes":{},"data":{"interview_completed_at":"MARK"}}""", HttpStatusCode.BadRequest },
        { "classet", """{"call_id":"c","transcript":[{"words":[{"word":"MARK","start":"MARK"}]}]}""", HttpStatusCode.BadRequest },
        { "classet", """{"event":"candidate.interview.updated","changes":{},"data":{"interview_summary":"MARK"}}""", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task SignedDeliveryCarryingAMarker_MarkerIsLoggedNowhereAtTraceLevel(string vendor, string template, HttpStatusCode expected)
    {
        var logs = new EverythingLoggerProvider();
        await using var host = await WebhookTestHost.StartAsync(
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
                builder.Services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Payloads.BoooplySecret))
                    .AddHandler<BoooplyWebhookEvent>((webhookEvent, context, _) => Log(context, webhookEvent));
                builder.Services.AddClassetWebhooks(options => options.SigningSecrets.Add(Payloads.ClassetSecret))
                    .AddHandler<ClassetWebhookEvent>((webhookEvent, context, _) => Log(context, webhookEvent));
            },
            kestrel: true);
        var body = template.Replace("MARK", Marker, StringComparison.Ordinal);

        using var request = vendor == "boooply" ? Payloads.BoooplyRequest(body) : Payloads.ClassetRequest(body);
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(expected, body);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("MARKER");
        logs.Lines.Should().NotBeEmpty();
        logs.Lines.Should().Contain(line => line.Contains("webhook", StringComparison.OrdinalIgnoreCase), "the endpoint logged the delivery");
        foreach (var line in logs.Lines)
        {
            line.Should().NotContain("MARKER").And.NotContain("555-0100");
        }
    }

    private static readonly Action<ILogger, object, Exception?> Handled =
        LoggerMessage.Define<object>(LogLevel.Information, new EventId(1, "Handled"), "Handled {Event}");

    // What a handler would typically log: the event itself. Its ToString() shows identifiers only.
    private static Task Log(WebhookDeliveryContext context, object webhookEvent)
    {
        Handled(context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Handler"), webhookEvent, null);
        return Task.CompletedTask;
    }

    /// <summary>Records everything a log call carries: the message, every structured value, scopes, and the exception's text.</summary>
    private sealed class EverythingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} [{logLevel}] {formatter(state, exception)} | {Describe(state)} | {exception}");

            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(pair => $"{pair.Key}={pair.Value}"))
                : state?.ToString() ?? string.Empty;
        }
    }
}
