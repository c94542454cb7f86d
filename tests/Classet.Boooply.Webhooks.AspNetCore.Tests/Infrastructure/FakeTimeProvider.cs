namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

/// <summary>A wall clock the test sets (timers stay real). Microsoft.Extensions.TimeProvider.Testing is not available here.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
