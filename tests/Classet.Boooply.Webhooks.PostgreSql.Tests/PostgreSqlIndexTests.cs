using Classet.Boooply.Webhooks.PostgreSql.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// With many completed rows in the table, the hot statements still go straight to the rows they want through the index
/// made for them, never a scan of the table: the query plans say so. (The benchmark measures the enqueue rate with a
/// million completed rows against an empty table.)
/// </summary>
public sealed class PostgreSqlIndexTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _schema = PostgresServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresServer.ConnectionString is not null)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    [PostgresFact]
    public async Task Claim_enqueue_and_purge_use_their_indexes_beside_a_hundred_thousand_completed_rows()
    {
        await using var store = PostgresServer.NewStore(_schema, notifications: false);
        await store.InitializeAsync(default);
        await PostgresServer.ExecuteAsync(
            $"INSERT INTO \"{_schema}\".inbox (vendor, delivery_key, event_type, body, headers, verification_method, received_at, state, completed_at) " +
            $"SELECT 'boooply', 'done' || g, 'e', '\\x00'::bytea, '{{}}', 1, '{T0:O}', 2, '{T0:O}'::timestamptz + g * interval '1 ms' FROM generate_series(1, 100000) g; " +
            $"ANALYZE \"{_schema}\".inbox");
        for (var i = 0; i < 20; i++)
        {
            await store.EnqueueAsync(PostgreSqlInboxStoreTests.Delivery("new" + i), T0, TimeSpan.FromDays(7), default);
        }

        var sql = new PostgreSqlInboxSql(_schema, channel: null);
        var claim = await ExplainAsync(sql.Claim, Time(T0), new NpgsqlParameter<int> { TypedValue = 10 }, new NpgsqlParameter<string> { TypedValue = "a" }, Time(T0.AddMinutes(1)));
        claim.Should().Contain("inbox_pending_due").And.Contain("inbox_processing_lease").And.NotContain("Seq Scan");

        var enqueue = await ExplainAsync(
            sql.Enqueue,
            new NpgsqlParameter<string> { TypedValue = "boooply" }, new NpgsqlParameter<string> { TypedValue = "done5" }, new NpgsqlParameter<string> { TypedValue = "e" },
            new NpgsqlParameter<byte[]> { TypedValue = [1] }, new NpgsqlParameter<string> { TypedValue = "{}" }, new NpgsqlParameter<short> { TypedValue = 1 },
            Time(T0), new NpgsqlParameter<short> { TypedValue = 0 }, Time(T0), Text(null), Time(null), Time(T0.AddDays(-7)));
        enqueue.Should().Contain("Conflict Arbiter Indexes: inbox_vendor_delivery_key").And.NotContain("Seq Scan");

        var purge = await ExplainAsync(sql.PurgeCompleted, Time(T0.AddMinutes(1)), new NpgsqlParameter<int> { TypedValue = 500 });
        purge.Should().Contain("inbox_completed_at").And.NotContain("Seq Scan");

        (await store.PurgeCompletedAsync(T0.AddSeconds(1), 500, default)).Should().Be(500, "the oldest 500 of the 999 completed before T0 + 1 s");
        (await store.PurgeCompletedAsync(T0.AddSeconds(1), 500, default)).Should().Be(499);
        (await store.ClaimAsync("a", 50, T0, TimeSpan.FromMinutes(1), default)).Should().HaveCount(20);
    }

    private async Task<string> ExplainAsync(string statement, params NpgsqlParameter[] parameters)
    {
        await using var dataSource = PostgresServer.NewDataSource(maxPoolSize: 1);
        await using var command = dataSource.CreateCommand("EXPLAIN " + statement);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }

    private static NpgsqlParameter Time(DateTimeOffset? value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };
}
