using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Cli.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>
/// <c>inbox stats|list|replay</c>: an operator's view of a durable inbox through <see cref="IWebhookInbox"/>, the
/// packages' public API. It shows no body and no header, and it changes nothing but a replayed entry's state.
/// </summary>
internal static class InboxCommand
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;
    private const int ErrorWidth = 60;

    public static CliCommand Definition { get; } = new(
        "inbox",
        "show a durable inbox's counts and entries, and replay failed entries",
        "stats|list|replay [<id>] --sqlite <connection string or path> [options]",
        """
        stats:        how many entries are pending, processing, completed and failed.
        list:         entries by id: vendor, event type, state, attempts, when received, and the next attempt or the
                      last error. Without --state, every state. Page with --after <the last id shown>.
        replay <id>:  a failed entry back to pending, with its attempts reset; a running app picks it up on its next
                      poll. Only a failed entry can be replayed.
        The tool reads the inbox the app writes (the file in the app's "Data Source=…") while the app runs. It never
        runs handlers, takes leases, creates a database or changes its schema, and it never prints bodies, headers or
        the connection string (only the file path or host). Exit codes: 0 done, 1 the store could not be read or the
        entry could not be replayed, 2 wrong command line.
        """,
        [
            .. InboxStoreOption.Options,
            new("--state", "pending|processing|completed|failed", "list: only entries in this state"),
            new("--limit", "n", string.Create(CultureInfo.InvariantCulture, $"list: at most n entries (default {DefaultLimit}, at most {MaxLimit})")),
            new("--after", "id", "list: entries after this id (the last id of the previous page)"),
        ],
        MinArguments: 1,
        MaxArguments: 2,
        RunAsync);

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        var action = invocation.Arguments[0];
        Func<IWebhookInbox, InboxStoreOption, Task<int>> run = action switch
        {
            "stats" => ParseStats(invocation),
            "list" => ParseList(invocation),
            "replay" => ParseReplay(invocation),
            _ => throw new CliUsageException("expected an action: stats, list or replay."),
        };
        var store = InboxStoreOption.Parse(invocation);
        try
        {
            var provider = await store.OpenAsync(invocation.CancellationToken).ConfigureAwait(false);
            await using (provider.ConfigureAwait(false))
            {
                return await run(provider.GetRequiredService<IWebhookInbox>(), store).ConfigureAwait(false);
            }
        }
        catch (WebhookInboxStoreException exception)
        {
            // The store's messages name the data source only, never the connection string.
            await invocation.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            if (invocation.Json)
            {
                using var json = Start(action, store);
                json.Writer.WriteString("error", "store");
                json.Writer.WriteString("message", exception.Message);
                await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
            }

            return CliExitCodes.Failure;
        }
        finally
        {
            // Close the pooled file handles now (the process may go on running, as in tests).
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static Func<IWebhookInbox, InboxStoreOption, Task<int>> ParseStats(CliInvocation invocation)
    {
        RejectArguments(invocation, "stats", 0, "--state", "--limit", "--after");
        return async (inbox, store) =>
        {
            var statistics = await inbox.GetStatisticsAsync(invocation.CancellationToken).ConfigureAwait(false);
            if (invocation.Json)
            {
                using var json = Start("stats", store);
                json.Writer.WriteNumber("pending", statistics.Pending);
                json.Writer.WriteNumber("processing", statistics.Processing);
                json.Writer.WriteNumber("completed", statistics.Completed);
                json.Writer.WriteNumber("failed", statistics.Failed);
                json.Writer.WriteNumber("total", statistics.Total);
                await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
            }
            else
            {
                var output = invocation.Output;
                await output.WriteLineAsync($"Inbox:       {Printable(store.Description)}").ConfigureAwait(false);
                await output.WriteLineAsync(Count("Pending:", statistics.Pending)).ConfigureAwait(false);
                await output.WriteLineAsync(Count("Processing:", statistics.Processing)).ConfigureAwait(false);
                await output.WriteLineAsync(Count("Completed:", statistics.Completed)).ConfigureAwait(false);
                await output.WriteLineAsync(Count("Failed:", statistics.Failed)).ConfigureAwait(false);
                await output.WriteLineAsync(Count("Total:", statistics.Total)).ConfigureAwait(false);
            }

            return CliExitCodes.Success;
        };
    }

    private static Func<IWebhookInbox, InboxStoreOption, Task<int>> ParseList(CliInvocation invocation)
    {
        RejectArguments(invocation, "list", 0);
        WebhookInboxState[] states = invocation.Value("--state") switch
        {
            null => [WebhookInboxState.Pending, WebhookInboxState.Processing, WebhookInboxState.Completed, WebhookInboxState.Failed],
            "pending" => [WebhookInboxState.Pending],
            "processing" => [WebhookInboxState.Processing],
            "completed" => [WebhookInboxState.Completed],
            "failed" => [WebhookInboxState.Failed],
            _ => throw new CliUsageException("--state must be pending, processing, completed or failed."),
        };
        var limit = invocation.Value("--limit") is { } limitText
            ? (int)ParseId(limitText, "--limit", MaxLimit)
            : DefaultLimit;
        long? after = invocation.Value("--after") is { } afterText ? ParseId(afterText, "--after", long.MaxValue, allowZero: true) : null;
        return async (inbox, store) =>
        {
            // Each state's page is in id order after the same id, so the first 'limit' ids of their union are the page.
            var entries = new List<WebhookInboxEntry>();
            foreach (var state in states)
            {
                entries.AddRange(await inbox.ListAsync(state, limit, after, invocation.CancellationToken).ConfigureAwait(false));
            }

            var page = entries.OrderBy(e => e.Id).Take(limit).ToList();
            long? nextAfter = page.Count == limit ? page[^1].Id : null;
            if (invocation.Json)
            {
                using var json = Start("list", store);
                var writer = json.Writer;
                writer.WriteString("state", states.Length == 1 ? StateName(states[0]) : null);
                writer.WriteStartArray("entries");
                foreach (var entry in page)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("id", entry.Id);
                    writer.WriteString("vendor", entry.Vendor);
                    writer.WriteString("eventType", entry.EventType);
                    writer.WriteString("deliveryKey", entry.DeliveryKey);
                    writer.WriteString("state", StateName(entry.State));
                    writer.WriteNumber("attempts", entry.Attempts);
                    writer.WriteString("receivedAt", entry.ReceivedAt);
                    WriteTime(writer, "nextAttemptAt", entry.State == WebhookInboxState.Pending ? entry.NextAttemptAt : null);
                    WriteTime(writer, "completedAt", entry.CompletedAt);
                    WriteTime(writer, "failedAt", entry.FailedAt);
                    writer.WriteString("lastError", entry.LastError);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (nextAfter is { } next)
                {
                    writer.WriteNumber("nextAfter", next);
                }
                else
                {
                    writer.WriteNull("nextAfter");
                }

                await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
            }
            else
            {
                var output = invocation.Output;
                await output.WriteLineAsync($"{"ID",-8} {"VENDOR",-8} {"EVENT",-28} {"STATE",-10} {"ATT",3}  {"RECEIVED (UTC)",-20}  NEXT ATTEMPT / LAST ERROR").ConfigureAwait(false);
                foreach (var entry in page)
                {
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{entry.Id,-8} {Fit(entry.Vendor, 8),-8} {Fit(entry.EventType.Length == 0 ? "(none)" : entry.EventType, 28),-28} {StateName(entry.State),-10} {entry.Attempts,3}  {Time(entry.ReceivedAt),-20}  {Detail(entry)}");
                    await output.WriteLineAsync(line.TrimEnd()).ConfigureAwait(false);
                }

                var summary = page.Count == 0
                    ? $"No {(states.Length == 1 ? StateName(states[0]) + " " : string.Empty)}entries{(after is null ? string.Empty : " after id " + after.Value.ToString(CultureInfo.InvariantCulture))} in the {store.Description}."
                    : string.Create(CultureInfo.InvariantCulture, $"{page.Count} {(page.Count == 1 ? "entry" : "entries")}.{(nextAfter is { } next ? $" There may be more: add --after {next}." : string.Empty)}");
                await output.WriteLineAsync(Printable(summary)).ConfigureAwait(false);
            }

            return CliExitCodes.Success;
        };
    }

    private static Func<IWebhookInbox, InboxStoreOption, Task<int>> ParseReplay(CliInvocation invocation)
    {
        RejectArguments(invocation, "replay", 1, "--state", "--limit", "--after");
        var id = ParseId(invocation.Arguments[1], "the entry id", long.MaxValue);
        return async (inbox, store) =>
        {
            var entry = await inbox.GetAsync(id, invocation.CancellationToken).ConfigureAwait(false);
            var replayed = entry is { State: WebhookInboxState.Failed }
                && await inbox.ReplayAsync(id, invocation.CancellationToken).ConfigureAwait(false);
            var now = replayed ? await inbox.GetAsync(id, invocation.CancellationToken).ConfigureAwait(false) : entry;
            string message;
            if (entry is null)
            {
                message = $"No entry {id} in the {store.Description}.";
            }
            else if (replayed)
            {
                message = $"Entry {id} ({Fit(entry.Vendor, 16)} {Fit(entry.EventType, 48)}) was failed after {entry.Attempts} attempts; it is pending again, and a running app with UseInbox() runs its handlers on its next poll.";
            }
            else if (entry.State != WebhookInboxState.Failed)
            {
                message = $"Entry {id} is {StateName(entry.State)}, not failed: only a failed entry can be replayed. Nothing changed.";
            }
            else
            {
                message = $"Entry {id} was failed but is {(now is null ? "gone" : StateName(now.State))} now (replayed or purged meanwhile). Nothing changed.";
            }

            if (invocation.Json)
            {
                using var json = Start("replay", store);
                json.Writer.WriteNumber("id", id);
                json.Writer.WriteBoolean("found", entry is not null);
                json.Writer.WriteString("previousState", entry is null ? null : StateName(entry.State));
                json.Writer.WriteBoolean("replayed", replayed);
                json.Writer.WriteString("state", now is null ? null : StateName(now.State));
                json.Writer.WriteString("message", message);
                await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
            }
            else
            {
                await invocation.Output.WriteLineAsync(Printable(message)).ConfigureAwait(false);
            }

            return replayed ? CliExitCodes.Success : CliExitCodes.Failure;
        };
    }

    private static void RejectArguments(CliInvocation invocation, string action, int arguments, params string[] options)
    {
        if (invocation.Arguments.Count != arguments + 1)
        {
            throw new CliUsageException(arguments == 0 ? $"inbox {action} takes no argument." : $"inbox {action} needs the entry id: inbox {action} <id>.");
        }

        foreach (var option in options)
        {
            if (invocation.Has(option))
            {
                throw new CliUsageException($"{option} is for inbox list only.");
            }
        }
    }

    private static long ParseId(string text, string what, long maximum, bool allowZero = false) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= (allowZero ? 0 : 1) && value <= maximum
            ? value
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{what} must be a whole number from {(allowZero ? 0 : 1)} to {maximum}."));

    private static CliJson Start(string action, InboxStoreOption? store)
    {
        var json = new CliJson(Definition.Name);
        json.Writer.WriteString("action", action);
        if (store is not null)
        {
            json.Writer.WriteString("store", store.Store);
            json.Writer.WriteString("location", store.Location);
        }

        return json;
    }

    private static void WriteTime(System.Text.Json.Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Detail(WebhookInboxEntry entry) => entry.State switch
    {
        WebhookInboxState.Pending when entry.NextAttemptAt is { } next =>
            $"next {Time(next)}{(entry.LastError is null ? string.Empty : " after: " + Fit(entry.LastError, ErrorWidth))}",
        WebhookInboxState.Processing => "running",
        WebhookInboxState.Completed when entry.CompletedAt is { } completed => "completed " + Time(completed),
        WebhookInboxState.Failed => Fit(entry.LastError ?? "(no error recorded)", ErrorWidth),
        _ => string.Empty,
    };

    private static string StateName(WebhookInboxState state) => state switch
    {
        WebhookInboxState.Pending => "pending",
        WebhookInboxState.Processing => "processing",
        WebhookInboxState.Completed => "completed",
        WebhookInboxState.Failed => "failed",
        _ => ((int)state).ToString(CultureInfo.InvariantCulture),
    };

    private static string Count(string label, long value) => string.Create(CultureInfo.InvariantCulture, $"{label,-12} {value}");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Shortens a value for one table cell, and makes it printable: event types and errors come from outside (a
    /// vendor's body, a handler's exception), and a control character could rewrite the operator's terminal.
    /// </summary>
    private static string Fit(string value, int width)
    {
        var printable = Printable(value);
        return printable.Length <= width ? printable : string.Concat(printable.AsSpan(0, width - 1), "…");
    }

    private static string Printable(string value)
    {
        if (!value.Any(char.IsControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '\r' or '\n' or '\t' ? ' ' : char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
