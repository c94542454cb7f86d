using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Simulation;

/// <summary>
/// Sends webhook deliveries the way the vendors do: a POST of the exact signed bytes, retried on any non-2xx response,
/// network error or timeout, following the vendor's documented schedule (<see cref="DeliveryRetryPolicy"/>). Like <c>stripe trigger</c>, for Classet and
/// Boooply.
/// </summary>
public sealed class DeliverySimulator
{
    private const int ResponseExcerptLength = 200;

    private readonly HttpClient _httpClient;
    private readonly DeliverySimulatorOptions _options;

    /// <summary>Initializes a new simulator.</summary>
    /// <param name="httpClient">The client used to post deliveries; its own timeout should not be shorter than the attempt timeout.</param>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The delay scale is negative or not a number.</exception>
    public DeliverySimulator(HttpClient httpClient, DeliverySimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new DeliverySimulatorOptions();
        if (!(options.DelayScale >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DelayScale must be zero or more.");
        }

        _httpClient = httpClient;
        _options = options;
    }

    /// <summary>Delivers with the given retry policy.</summary>
    /// <param name="delivery">The delivery: body and headers, as from <c>BoooplyTestDeliveries</c> or <c>ClassetTestDeliveries</c>.</param>
    /// <param name="url">The endpoint.</param>
    /// <param name="policy">The retry policy, such as <see cref="DeliveryRetryPolicy.None"/> for a single attempt.</param>
    /// <param name="cancellationToken">Stops the delivery.</param>
    /// <returns>Every attempt and whether one succeeded.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public async Task<DeliveryResult> SendAsync(WebhookTestDelivery delivery, Uri url, DeliveryRetryPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(policy);

        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        var attempts = new List<DeliveryAttempt>(policy.MaxAttempts);
        for (var number = 1; number <= policy.MaxAttempts; number++)
        {
            var documented = policy.Waits[number - 1];
            if (documented > TimeSpan.Zero)
            {
                var wait = new RetryDelay(number, documented, TimeSpan.FromTicks((long)(documented.Ticks * _options.DelayScale)));
                _options.OnRetryScheduled?.Invoke(wait);
                await (_options.DelayAsync?.Invoke(wait, cancellationToken) ?? Task.Delay(wait.Scaled, clock, cancellationToken)).ConfigureAwait(false);
            }

            var attempt = await AttemptAsync(delivery, url, number, policy.MaxAttempts, started, cancellationToken).ConfigureAwait(false);
            attempts.Add(attempt);
            _options.OnAttempt?.Invoke(attempt);
            if (attempt.Succeeded)
            {
                break;
            }
        }

        return new DeliveryResult(attempts);
    }

    private async Task<DeliveryAttempt> AttemptAsync(WebhookTestDelivery delivery, Uri url, int number, int maxAttempts, long started, CancellationToken cancellationToken)
    {
        var clock = _options.TimeProvider;
        var attemptStarted = clock.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.AttemptTimeout, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        // A fresh request per attempt (a request message cannot be sent twice), with the same bytes each time, as the
        // vendors resend exactly what they signed.
        using var request = delivery.ToHttpRequestMessage(url);

        int? status = null;
        string? error = null;
        string? excerpt = null;
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            excerpt = text.Length <= ResponseExcerptLength ? text : text[..ResponseExcerptLength] + "…";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = status is null ? $"timed out after {_options.AttemptTimeout.TotalSeconds:0.#} s" : null;
        }
        catch (HttpRequestException exception)
        {
            // Like the vendors, a refused connection or a reset is just a failed attempt, retried on schedule.
            error = exception.Message;
        }

        var now = clock.GetTimestamp();
        return new DeliveryAttempt(number, maxAttempts, status, error, excerpt, clock.GetElapsedTime(started, now), clock.GetElapsedTime(attemptStarted, now));
    }
}
