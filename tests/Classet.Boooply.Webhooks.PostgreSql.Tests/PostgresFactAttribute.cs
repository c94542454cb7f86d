namespace Classet.Boooply.Webhooks.PostgreSql.Tests;

/// <summary>
/// A test that needs a real PostgreSQL server. Without <see cref="PostgresServer.Variable"/> it is skipped with a message
/// naming the variable, except in CI (CI=true), where it runs and fails: a skipped PostgreSQL test must not pass a CI run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.InCi)
        {
            Skip = PostgresServer.MissingMessage;
        }
    }
}
