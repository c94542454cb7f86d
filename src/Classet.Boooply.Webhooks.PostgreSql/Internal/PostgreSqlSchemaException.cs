namespace Classet.Boooply.Webhooks.PostgreSql.Internal;

/// <summary>The schema is missing (with creation off) or newer than this version: retrying will not help until someone acts.</summary>
internal sealed class PostgreSqlSchemaException : Exception
{
    public PostgreSqlSchemaException()
    {
    }

    public PostgreSqlSchemaException(string message)
        : base(message)
    {
    }

    public PostgreSqlSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
