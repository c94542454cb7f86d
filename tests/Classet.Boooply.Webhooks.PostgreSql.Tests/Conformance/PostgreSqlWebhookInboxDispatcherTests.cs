using Classet.Boooply.Webhooks.Inbox.Testing;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests.Conformance;

/// <summary>The dispatcher scenarios on the real PostgreSQL server; two hosts share a schema as two instances would.</summary>
/// <remarks>Compiled only when a server is configured or in CI (see the project file): the shared suite's tests cannot skip themselves.</remarks>
public sealed class PostgreSqlWebhookInboxDispatcherTests : WebhookInboxDispatcherTests
{
    private readonly string _schema = PostgresServer.NewSchemaName();

    protected override IWebhookInboxStore OpenStore() => PostgresServer.NewStore(_schema);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropSchemaAsync(_schema);
    }
}
