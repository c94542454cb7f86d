using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>The dispatcher scenarios, on a real SQLite file per test (two hosts share it as two processes would).</summary>
public sealed class SqliteWebhookInboxDispatcherTests : WebhookInboxDispatcherTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override IWebhookInboxStore OpenStore() => _database.OpenStore();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
