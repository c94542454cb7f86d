using Microsoft.Data.Sqlite;

namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>Reads one row of <see cref="SqliteInboxSql.Columns"/> into an entry.</summary>
internal static class SqliteInboxEntryReader
{
    public static WebhookInboxEntry Read(SqliteDataReader reader, bool includeLease)
    {
        var token = reader.IsDBNull(12) ? (Guid?)null : new Guid((byte[])reader.GetValue(12));
        var id = reader.GetInt64(0);
        return new WebhookInboxEntry
        {
            Id = id,
            Vendor = reader.GetString(1),
            DeliveryKey = reader.GetString(2),
            EventType = reader.GetString(3),
            Body = (byte[])reader.GetValue(4),
            Headers = SqliteInboxHeaders.Decode(reader.GetString(5)),
            VerificationMethod = (WebhookVerificationMethod)reader.GetInt32(6),
            ReceivedAt = Time(reader.GetInt64(7)),
            State = (WebhookInboxState)reader.GetInt32(8),
            Attempts = reader.GetInt32(9),
            NextAttemptAt = OptionalTime(reader, 10),
            LeaseOwner = reader.IsDBNull(11) ? null : reader.GetString(11),
            LeaseExpiresAt = OptionalTime(reader, 13),
            Lease = includeLease && token is { } value ? new WebhookInboxLease(id, value) : null,
            LastError = reader.IsDBNull(14) ? null : reader.GetString(14),
            CompletedAt = OptionalTime(reader, 15),
            FailedAt = OptionalTime(reader, 16),
        };
    }

    public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));
}
