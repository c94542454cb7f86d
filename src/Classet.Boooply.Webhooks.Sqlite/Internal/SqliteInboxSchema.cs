namespace Classet.Boooply.Webhooks.Sqlite.Internal;

/// <summary>
/// Creates or migrates the schema in one write transaction: idempotent, and safe if two processes start on the same file
/// at once (the second waits for the first's lock, then finds the version already recorded).
/// </summary>
internal static class SqliteInboxSchema
{
    public static void Migrate(SqliteInboxCommands commands)
    {
        commands.Begin();
        try
        {
            commands.NonQuery(SqliteInboxSql.CreateSchemaTable);
            var current = Convert.ToInt32(commands.Scalar(SqliteInboxSql.CurrentSchemaVersion), System.Globalization.CultureInfo.InvariantCulture);
            if (current > SqliteInboxSql.LatestSchemaVersion)
            {
                throw new WebhookInboxStoreException(
                    $"The SQLite webhook inbox database has schema version {current}, newer than this version of Classet.Boooply.Webhooks.Sqlite understands ({SqliteInboxSql.LatestSchemaVersion}). Upgrade the package, or point it at another file.");
            }

            for (var version = current + 1; version <= SqliteInboxSql.LatestSchemaVersion; version++)
            {
                commands.NonQuery(SqliteInboxSql.Migrations[version - 1]);
                commands.NonQuery(SqliteInboxSql.RecordSchemaVersion, ("$version", version));
            }

            commands.Commit();
        }
        catch
        {
            try
            {
                commands.Rollback();
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Already rolled back by SQLite.
            }

            throw;
        }
    }
}
