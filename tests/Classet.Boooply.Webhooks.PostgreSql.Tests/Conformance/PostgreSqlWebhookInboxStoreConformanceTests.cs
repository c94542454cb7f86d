using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests.Conformance;

/// <summary>The store contract every inbox store must meet, on the real PostgreSQL server, in a schema of each test's own.</summary>
/// <remarks>Compiled only when a server is configured or in CI (see the project file): the shared suite's tests cannot skip themselves.</remarks>
public sealed class PostgreSqlWebhookInboxStoreConformanceTests : WebhookInboxStoreConformanceTests
{
    private readonly string _schema = PostgresServer.NewSchemaName();

    protected override ValueTask<IWebhookInboxStore> OpenStoreAsync() =>
        ValueTask.FromResult<IWebhookInboxStore>(PostgresServer.NewStore(_schema));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropSchemaAsync(_schema);
    }
}
