namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A wall clock the test sets, while timers and timestamps stay real: the endpoint's handler timeout is a timer of the
/// same <see cref="TimeProvider"/>, which Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider would stop.
/// </summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
