namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>
/// A clock the test moves by hand. The store reads only <see cref="TimeProvider.GetUtcNow"/>, so these few lines do what
/// Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider would, without the package.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public FakeTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
