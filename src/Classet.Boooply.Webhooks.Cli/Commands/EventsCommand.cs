using Classet.Boooply.Webhooks.Cli.CommandLine;
using Classet.Boooply.Webhooks.Cli.Events;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary><c>events</c>: what <c>send</c> and <c>simulate</c> can send.</summary>
internal static class EventsCommand
{
    public static CliCommand Definition { get; } = new(
        "events",
        "list the events send and simulate can send",
        "[classet|boooply]",
        string.Empty,
        [],
        MinArguments: 0,
        MaxArguments: 1,
        RunAsync);

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        var vendor = invocation.Arguments.Count == 1 ? DeliveryArguments.ParseVendor(invocation.Arguments[0]) : null;
        var events = WebhookEventCatalog.All.Where(e => vendor is null || e.Vendor == vendor).ToList();
        if (invocation.Json)
        {
            using var json = new CliJson(Definition.Name);
            json.Writer.WriteStartArray("events");
            foreach (var e in events)
            {
                json.Writer.WriteStartObject();
                json.Writer.WriteString("vendor", e.Vendor);
                json.Writer.WriteString("name", e.Name);
                json.Writer.WriteString("eventType", e.EventType);
                json.Writer.WriteBoolean("documented", e.Documented);
                json.Writer.WriteString("description", e.Description);
                json.Writer.WriteEndObject();
            }

            json.Writer.WriteEndArray();
            await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
        }
        else
        {
            foreach (var e in events)
            {
                await invocation.Output.WriteLineAsync($"{e.CommandLine,-28}{e.EventType,-30}{e.Description}").ConfigureAwait(false);
            }
        }

        return CliExitCodes.Success;
    }
}
