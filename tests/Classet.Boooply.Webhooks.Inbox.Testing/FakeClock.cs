using Microsoft.Extensions.Time.Testing;

namespace Classet.Boooply.Webhooks.Inbox.Testing;

/// <summary>Moves a <see cref="FakeTimeProvider"/> on and waits for the dispatcher to act on it.</summary>
public static class FakeClock
{
    /// <summary>
    /// Advances the clock by <paramref name="by"/>, then waits for <paramref name="condition"/>. A timer the dispatcher
    /// arms in the instant the clock jumps lands after the jump; if nothing happens for a while, the clock is nudged by a
    /// millisecond to fire it. Times asserted after this are therefore exact to within the nudges (well under a second).
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan by, Func<Task<bool>> condition, string what)
    {
        time.Advance(by);
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        var nudgeAt = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }

            if (DateTime.UtcNow > nudgeAt)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                nudgeAt = DateTime.UtcNow + TimeSpan.FromSeconds(1);
            }

            await Task.Delay(10);
        }
    }
}
