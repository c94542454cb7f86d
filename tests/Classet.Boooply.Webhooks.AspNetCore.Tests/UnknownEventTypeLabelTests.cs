using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// An unknown event's type is whatever the signed body says. Handlers get it as sent; logs, traces, metrics and the
/// result show it only when it is a short identifier, so a body cannot put its text in the log or mint metric series.
/// </summary>
public sealed class UnknownEventTypeLabelTests
{
    [Theory]
    [InlineData("interview.summary", "interview.summary")]
    [InlineData("interview.summary CANDIDATE-SECRET-MARKER with spaces", "(unrecognized)")]
    public async Task UnknownEvent_HandlerSeesItsType_LogsAndResultShowOnlyAShortIdentifier(string eventType, string shown)
    {
        var seen = new List<string>();
        await using var host = await Hosts.BoooplyAsync(
            webhooks: builder => builder.AddUnknownEventHandler((webhookEvent, context, _) =>
            {
                seen.Add(context.EventType);
                return Task.CompletedTask;
            }),
            recordingHandler: false);
        var longType = eventType.Contains(' ', StringComparison.Ordinal) ? eventType + new string('x', 200) : eventType;

        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(Payloads.Boooply("m-label", longType)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen.Should().Equal(longType);
        var logs = string.Join("\n", host.Logs.Webhook.Select(entry => entry.Everything));
        logs.Should().Contain(shown);
        logs.Should().NotContain("CANDIDATE-SECRET-MARKER");
    }
}
