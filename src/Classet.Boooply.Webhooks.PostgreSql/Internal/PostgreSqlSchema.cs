using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>
/// The store's schema: the script shipped in the package (embedded here too, so both are the same text), rendered for the
/// configured schema name, and the version check that runs before anything else touches the tables.
/// </summary>
internal static partial class PostgreSqlSchema
{
    /// <summary>The schema version this build creates and understands.</summary>
    public const int Version = 1;

    /// <summary>The script's file name, in the package's <c>sql/</c> folder and as the embedded resource.</summary>
    public const string ScriptName = "classet-boooply-webhooks-postgresql.sql";

    private static readonly Lazy<string> Script = new(LoadScript);

    /// <summary>Whether <paramref name="schemaName"/> is a name the store accepts (safe to put in SQL, short enough for derived names).</summary>
    public static bool IsValidName(string? schemaName) => schemaName is not null && NamePattern().IsMatch(schemaName);

    /// <summary>The script for <paramref name="schemaName"/>, as the store runs it: psql's own lines dropped, the name substituted.</summary>
    public static string Render(string schemaName)
    {
        var text = new StringBuilder();
        foreach (var line in Script.Value.Split('\n'))
        {
            if (!line.StartsWith('\\'))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString()
            .Replace(":\"schema\"", "\"" + schemaName + "\"", StringComparison.Ordinal)
            .Replace(":'schema'", "'" + schemaName + "'", StringComparison.Ordinal);
    }

    /// <summary>
    /// Makes sure the schema is there and of this version: creates it when allowed (the script takes an advisory lock, so
    /// instances starting together do not race), and refuses a newer schema or, with creation off, a missing one.
    /// </summary>
    /// <exception cref="PostgreSqlSchemaException">The schema is newer than this version, or missing while creation is off.</exception>
    public static async Task EnsureAsync(NpgsqlConnection connection, string schemaName, bool create, CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(connection, schemaName, cancellationToken).ConfigureAwait(false);
        if (version > Version)
        {
            throw new PostgreSqlSchemaException(
                $"The PostgreSQL schema \"{schemaName}\" is at version {version}, newer than this version of Classet.Boooply.Webhooks.PostgreSql understands ({Version}). Upgrade the package on every instance.");
        }

        if (version == Version)
        {
            return;
        }

        if (!create)
        {
            throw new PostgreSqlSchemaException(version is null
                ? $"The PostgreSQL schema \"{schemaName}\" has no Classet.Boooply.Webhooks tables, and automatic creation is off (CreateSchema = false). Run the package's sql/{ScriptName} with psql -v schema={schemaName}, or turn CreateSchema on."
                : $"The PostgreSQL schema \"{schemaName}\" is at version {version}, older than this version needs ({Version}), and automatic creation is off. Run the package's sql/{ScriptName} with psql -v schema={schemaName}.");
        }

        await using var command = new NpgsqlCommand(Render(schemaName), connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int?> ReadVersionAsync(NpgsqlConnection connection, string schemaName, CancellationToken cancellationToken)
    {
        // to_regclass answers NULL for a missing table instead of failing, so this reads nothing it may not.
        await using var command = new NpgsqlCommand(
            $"SELECT CASE WHEN to_regclass('\"{schemaName}\".schema_version') IS NULL THEN NULL ELSE -1 END", connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DBNull or null)
        {
            return null;
        }

        await using var read = new NpgsqlCommand($"SELECT max(version) FROM \"{schemaName}\".schema_version WHERE component = 'store'", connection);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : null;
    }

    private static string LoadScript()
    {
        using var stream = typeof(PostgreSqlSchema).Assembly.GetManifestResourceStream(ScriptName)
            ?? throw new InvalidOperationException($"The embedded resource {ScriptName} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
