using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

internal static class Deliveries
{
    public const string BoooplySecret = "whsec_receiver_test_secret_51c2";
    public const string ClassetSecret = "classet_receiver_test_secret_9e4a";
    public const string ClassetApiKey = "classet_receiver_api_key_0b7d";

    public static byte[] Boooply(string meetingCode = "Boooply-AI-1234567890", string eventType = "interview.scores")
    {
        var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            $$$"""{"event":"{{{eventType}}}","data":{"meetingCode":"{{{meetingCode}}}","candidateName":"Jane Doe","scores":{"overall":72,"technicalSkills":75},"overallRating":3,"recommendation":"PASS","timestamp":"{{{time}}}"}}""");
    }

    public static byte[] Classet(string outcome = "qualified") => Encoding.UTF8.GetBytes(
        $$$"""{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"{{{outcome}}}"}},"data":{"candidate_id":"cand_12345678","interview_outcome":"{{{outcome}}}"}}""");

    /// <summary>Headers as an AWS Lambda proxy request carries them: a case-sensitive dictionary with lowercase names.</summary>
    public static Dictionary<string, string> BoooplyHeaders(byte[] body, string? signature = "sign") => new(StringComparer.Ordinal)
    {
        ["content-type"] = "application/json",
        ["x-boooply-signature"] = signature == "sign" ? BoooplyWebhookSigner.Sign(body, BoooplySecret) : signature ?? string.Empty,
        ["x-boooply-event"] = "interview.scores",
        ["x-boooply-platform"] = "custom",
        ["x-boooply-meeting-id"] = "Boooply-AI-1234567890",
        ["authorization"] = "Bearer " + BoooplySecret,
    };
}

internal sealed record LogRecord(LogLevel Level, EventId EventId, string Message, Exception? Exception);

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category.StartsWith("Classet.Boooply.Webhooks", StringComparison.Ordinal))
            {
                records.Enqueue(new LogRecord(logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>A deduplication store that passes through to the in-memory one and says when a claim is settled.</summary>
internal sealed class ObservedDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly InMemoryWebhookDeduplicationStore _inner = new();
    private readonly ConcurrentQueue<string> _settled = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Settled => [.. _settled];

    /// <summary>Completes when the next Complete or Release call has been made.</summary>
    public Task NextSettled => Volatile.Read(ref _next).Task;

    public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken) =>
        _inner.TryClaimAsync(deliveryKey, cancellationToken);

    public async ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        var done = await _inner.CompleteAsync(claim, cancellationToken);
        Settle("completed");
        return done;
    }

    public async ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken)
    {
        var done = await _inner.ReleaseAsync(claim, cancellationToken);
        Settle("released");
        return done;
    }

    private void Settle(string how)
    {
        _settled.Enqueue(how);
        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

/// <summary>A scoped service that knows when its scope disposed it.</summary>
internal sealed class ScopedResource : IAsyncDisposable
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDisposed => _disposed.Task.IsCompleted;

    public Task Disposed => _disposed.Task;

    public ValueTask DisposeAsync()
    {
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}

internal static class ReceiverServices
{
    public static ServiceProvider Build(Action<IServiceCollection> configure, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }

        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static BoooplyWebhooksBuilder AddBoooply(this IServiceCollection services, Action<BoooplyWebhookOptions>? configure = null) =>
        services.AddBoooplyWebhooks(options =>
        {
            options.SigningSecrets.Add(Deliveries.BoooplySecret);
            configure?.Invoke(options);
        });

    public static ClassetWebhooksBuilder AddClasset(this IServiceCollection services, Action<ClassetWebhookOptions>? configure = null) =>
        services.AddClassetWebhooks(options =>
        {
            options.SigningSecrets.Add(Deliveries.ClassetSecret);
            configure?.Invoke(options);
        });
}

/// <summary>A body stream that counts what was read from it; endless unless a length is given.</summary>
internal sealed class CountingStream(long length = long.MaxValue, int maxChunk = 4096) : Stream
{
    private long _position;

    public long BytesRead => Interlocked.Read(ref _position);

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        var count = (int)Math.Min(Math.Min(buffer.Length, maxChunk), length - _position);
        buffer[..count].Fill((byte)'x');
        Interlocked.Add(ref _position, count);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream over bytes that hands them out a few at a time.</summary>
internal sealed class TricklingStream(byte[] bytes, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return Read(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
