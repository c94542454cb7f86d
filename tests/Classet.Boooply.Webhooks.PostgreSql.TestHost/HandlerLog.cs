namespace Classet.Boooply.Webhooks.PostgreSql.TestHost;

/// <summary>The handler log the tests read: one "start|done &lt;key&gt; &lt;attempt&gt; &lt;unix ms&gt;" line per event, flushed at once.</summary>
public sealed class HandlerLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    public HandlerLog(string path, TimeSpan handlerTime)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        HandlerTime = handlerTime;
    }

    /// <summary>How long each handler takes between its start and done lines.</summary>
    public TimeSpan HandlerTime { get; }

    public void Write(string what, string key, int attempt)
    {
        lock (_gate)
        {
            _writer.WriteLine($"{what} {key} {attempt} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
        }
    }

    public void Dispose() => _writer.Dispose();
}
