using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>The store contract, on a real SQLite file per test.</summary>
public sealed class SqliteWebhookInboxStoreConformanceTests : WebhookInboxStoreConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override ValueTask<IWebhookInboxStore> OpenStoreAsync() => ValueTask.FromResult<IWebhookInboxStore>(_database.OpenStore());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
