using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>
/// The delivery pipeline both vendors share: limit, authenticate, read once, verify before parsing, parse the signed
/// bytes, deduplicate, dispatch in a scope, answer with the DESIGN status table. Vendors plug in the few differences.
/// </summary>
internal abstract class WebhookEndpoint<TBase, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier>
    where TBase : class
    where TOptions : WebhookOptions
    where TVerifier : class
{
    /// <summary>Never written: the client is gone. Used only to tell the caller not to respond.</summary>
    private const int ClientClosedRequest = 499;

    /// <summary>What every signature-mismatch hint asks the operator to check about the secret.</summary>
    private const string SecretToCheck = "the configured secret is the one this endpoint's webhook uses, used whole (for Boooply including the whsec_ prefix)";

    private readonly WebhookVerifierProvider<TOptions, TVerifier> _verifiers;
    private readonly WebhookHandlerRegistry<TBase> _registry;
    private readonly WebhookDeadLetterRegistration<TBase>[] _deadLetterHandlers;
    private readonly IWebhookDeduplicationStore? _deduplication;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WebhookEndpointMetrics _metrics;
    private readonly string _activityName;

    protected WebhookEndpoint(IServiceProvider services, string vendor)
    {
        Vendor = vendor;
        _verifiers = services.GetRequiredService<WebhookVerifierProvider<TOptions, TVerifier>>();
        _registry = services.GetRequiredService<WebhookHandlerRegistry<TBase>>();
        _deadLetterHandlers = [.. services.GetServices<WebhookDeadLetterRegistration<TBase>>()];
        _deduplication = services.GetService<WebhookDeduplicationRegistration<TBase>>()?.StoreFactory(services);
        _scopeFactory = services.GetRequiredService<IServiceScopeFactory>();
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger(WebhookEndpointLog.Category) ?? NullLogger.Instance;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _metrics = new WebhookEndpointMetrics(services.GetService<IMeterFactory>());
        _activityName = vendor + " webhook";
    }

    protected string Vendor { get; }

    public async Task InvokeAsync(HttpContext httpContext)
    {
        using var activity = WebhookEndpointMetrics.ActivitySource.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag(WebhookEndpointTelemetry.VendorTag, Vendor);
        Outcome outcome;
        try
        {
            outcome = await ProcessAsync(httpContext, activity).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            WebhookEndpointLog.RequestAborted(_logger, Vendor);
            outcome = new(ClientClosedRequest, WebhookOutcome.Aborted, null);
        }
        catch (Exception exception)
        {
            // Outside the handlers (a deduplication store that is down, say): still an answer the vendor retries on.
            WebhookEndpointLog.DeliveryFailed(_logger, Vendor, exception);
            outcome = new(StatusCodes.Status500InternalServerError, WebhookOutcome.Error, null);
        }

        _metrics.RecordDelivery(Vendor, outcome.EventType, outcome.Name);
        if (activity is not null)
        {
            activity.SetTag(WebhookEndpointTelemetry.OutcomeTag, outcome.Name);
            activity.SetTag("http.response.status_code", outcome.StatusCode);
            if (outcome.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome.Name);
            }
        }

        if (outcome.StatusCode != ClientClosedRequest)
        {
            await WebhookResponses.WriteAsync(httpContext.Response, outcome.StatusCode).ConfigureAwait(false);
        }
    }

    /// <summary>Decides from the headers alone, when it can (a missing signature, a legacy API key, a bearer token).</summary>
    protected abstract HeaderCheck CheckHeaders(HttpRequest request, TVerifier verifier, TOptions options);

    /// <summary>Verifies the body bytes exactly as received against the signature header.</summary>
    protected abstract WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, HttpRequest request, TVerifier verifier);

    protected abstract bool TryParse(ReadOnlySpan<byte> signedBody, out TBase? webhookEvent, out WebhookPayloadException? error);

    protected abstract string GetEventType(TBase webhookEvent);

    protected abstract bool IsUnknown(TBase webhookEvent);

    /// <summary>
    /// The deduplication key. <paramref name="signedBody"/> is the form that verified: a body key must come from it,
    /// not from the bytes received, or re-spacing a captured delivery would make it look new.
    /// </summary>
    protected abstract string GetDeliveryKey(TBase webhookEvent, ReadOnlySpan<byte> signedBody);

    /// <summary>Rejects (401) a verified event its content says not to trust, such as one outside a replay window.</summary>
    protected virtual bool IsStale(TBase webhookEvent, TOptions options, DateTimeOffset now, out string reason, out TimeSpan window)
    {
        reason = string.Empty;
        window = default;
        return false;
    }

    private async ValueTask<Outcome> ProcessAsync(HttpContext httpContext, Activity? activity)
    {
        var request = httpContext.Request;
        var aborted = httpContext.RequestAborted;
        var receivedAt = _time.GetUtcNow();

        WebhookVerifierProvider<TOptions, TVerifier>.Snapshot snapshot;
        try
        {
            snapshot = _verifiers.GetCurrent();
        }
        catch (OptionsValidationException exception)
        {
            // A reload made the configuration invalid. Refusing with 500 keeps forgeries out and makes the vendor retry
            // once the configuration is fixed; falling back to older secrets could keep a revoked one alive.
            WebhookEndpointLog.ConfigurationInvalid(_logger, Vendor, string.Join(" ", exception.Failures));
            return new(StatusCodes.Status500InternalServerError, WebhookOutcome.ConfigurationError, null);
        }

        var options = snapshot.Options;
        var limit = options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            WebhookEndpointLog.BodyTooLarge(_logger, Vendor, limit);
            return new(StatusCodes.Status413PayloadTooLarge, WebhookOutcome.TooLarge, null);
        }

        var headerCheck = CheckHeaders(request, snapshot.Verifier, options);
        if (headerCheck.Kind == HeaderCheckKind.Rejected)
        {
            WebhookEndpointLog.DeliveryUnauthorized(_logger, Vendor, headerCheck.Reason!);
            return new(StatusCodes.Status401Unauthorized, WebhookOutcome.Unauthorized, null);
        }

        // The endpoint's own limit governs: lift (or lower) the server-wide one so it neither cuts transcripts off
        // nor lets more through.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        PooledBody? body;
        try
        {
            body = await PooledBody.ReadAsync(request, limit, aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            WebhookEndpointLog.BodyTooLarge(_logger, Vendor, limit);
            return new(StatusCodes.Status413PayloadTooLarge, WebhookOutcome.TooLarge, null);
        }
        catch (BadHttpRequestException exception)
        {
            WebhookEndpointLog.BodyReadFailed(_logger, Vendor, exception.StatusCode, exception);
            return new(exception.StatusCode, WebhookOutcome.BadRequest, null);
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
            WebhookEndpointLog.RequestAborted(_logger, Vendor);
            return new(ClientClosedRequest, WebhookOutcome.Aborted, null);
        }

        if (body is null)
        {
            WebhookEndpointLog.BodyTooLarge(_logger, Vendor, limit);
            return new(StatusCodes.Status413PayloadTooLarge, WebhookOutcome.TooLarge, null);
        }

        using (body)
        {
            var raw = body.Memory;
            var verification = headerCheck.Kind == HeaderCheckKind.Accepted
                ? headerCheck.Result
                : VerifyBody(raw.Span, request, snapshot.Verifier);
            if (!verification.IsVerified)
            {
                LogVerificationFailure(verification, raw.Span, options.AllowCanonicalJsonSignatures);

                // Throttled is not a verdict on the delivery: 503 makes the vendor retry it, where 401 would call it forged.
                return verification.Status == WebhookVerificationStatus.CanonicalVerificationThrottled
                    ? new(StatusCodes.Status503ServiceUnavailable, WebhookOutcome.VerificationThrottled, null)
                    : new(StatusCodes.Status401Unauthorized, WebhookOutcome.Unauthorized, null);
            }

            activity?.SetTag("webhook.verification_method", MethodName(verification.Method));

            // What was signed is what gets parsed: the canonical form when only that verified, never a re-serialization.
            var signed = verification.GetSignedBody(raw);
            if (!TryParse(signed.Span, out var webhookEvent, out var error))
            {
                return await DeadLetterAsync(signed, error!, verification.Method, receivedAt, options, aborted).ConfigureAwait(false);
            }

            var eventType = GetEventType(webhookEvent!);
            activity?.SetTag(WebhookEndpointTelemetry.EventTag, eventType);
            if (IsStale(webhookEvent!, options, receivedAt, out var staleReason, out var window))
            {
                WebhookEndpointLog.EventOutsideReplayWindow(_logger, Vendor, eventType, staleReason, window);
                return new(StatusCodes.Status401Unauthorized, WebhookOutcome.Unauthorized, eventType);
            }

            var deliveryKey = GetDeliveryKey(webhookEvent!, signed.Span);
            return await DispatchAsync(webhookEvent!, eventType, deliveryKey, verification.Method, receivedAt, options, aborted).ConfigureAwait(false);
        }
    }

    private async ValueTask<Outcome> DispatchAsync(
        TBase webhookEvent,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod method,
        DateTimeOffset receivedAt,
        TOptions options,
        CancellationToken aborted)
    {
        string? claimKey = null;
        if (_deduplication is { } store)
        {
            claimKey = string.Concat(Vendor, ":", deliveryKey);
            switch (await store.TryClaimAsync(claimKey, aborted).ConfigureAwait(false))
            {
                case WebhookDeduplicationStatus.AlreadyProcessed:
                    WebhookEndpointLog.DuplicateDelivery(_logger, Vendor, eventType);
                    return new(StatusCodes.Status200OK, WebhookOutcome.Duplicate, eventType);
                case WebhookDeduplicationStatus.InProgress:
                    // Not 200: if the delivery in flight fails, this copy must not have been acknowledged.
                    WebhookEndpointLog.DeliveryInProgress(_logger, Vendor, eventType);
                    return new(StatusCodes.Status409Conflict, WebhookOutcome.InProgress, eventType);
            }
        }

        var handlers = _registry.GetHandlers(webhookEvent);
        var unknown = IsUnknown(webhookEvent);
        var run = RunResult.Succeeded;
        if (handlers.Length > 0)
        {
            // Reading the clock twice per delivery is only worth it when someone listens to the histogram.
            var timed = _metrics.HandlerDurationEnabled;
            var started = timed ? _time.GetTimestamp() : 0L;
            run = await RunInScopeAsync(
                (Endpoint: this, Handlers: handlers, Event: webhookEvent, EventType: eventType, Key: deliveryKey, Method: method, ReceivedAt: receivedAt),
                static async (state, services, cancellationToken, waitForHandler) =>
                {
                    var context = new WebhookDeliveryContext(state.Endpoint.Vendor, state.EventType, state.Key, state.Method, state.ReceivedAt, services);
                    foreach (var handler in state.Handlers)
                    {
                        await waitForHandler(handler.Invoke(services, state.Event, context, cancellationToken)).ConfigureAwait(false);
                    }
                },
                options.HandlerTimeout,
                aborted).ConfigureAwait(false);
            if (timed)
            {
                var outcomeName = run.Kind switch
                {
                    RunKind.Succeeded => unknown ? WebhookOutcome.UnknownEvent : WebhookOutcome.Handled,
                    RunKind.TimedOut => WebhookOutcome.HandlerTimeout,
                    RunKind.Aborted => WebhookOutcome.Aborted,
                    _ => WebhookOutcome.HandlerFailed,
                };
                _metrics.RecordHandlerDuration(Vendor, eventType, outcomeName, _time.GetElapsedTime(started));
            }
        }

        if (run.Kind == RunKind.Succeeded)
        {
            if (claimKey is not null)
            {
                await _deduplication!.CompleteAsync(claimKey, CancellationToken.None).ConfigureAwait(false);
            }

            if (unknown)
            {
                WebhookEndpointLog.UnknownEvent(_logger, Vendor, eventType, handlers.Length);
                return new(StatusCodes.Status200OK, WebhookOutcome.UnknownEvent, eventType);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = _time.GetUtcNow() - receivedAt;
                WebhookEndpointLog.DeliveryHandled(_logger, Vendor, eventType, handlers.Length, elapsed.TotalMilliseconds);
            }

            return new(StatusCodes.Status200OK, WebhookOutcome.Handled, eventType);
        }

        if (claimKey is not null)
        {
            // Processing failed: give the key back so the vendor's retry is processed rather than taken for a duplicate.
            await _deduplication!.ReleaseAsync(claimKey, CancellationToken.None).ConfigureAwait(false);
        }

        switch (run.Kind)
        {
            case RunKind.TimedOut:
                WebhookEndpointLog.HandlerTimedOut(_logger, Vendor, eventType, options.HandlerTimeout.GetValueOrDefault());
                return new(StatusCodes.Status500InternalServerError, WebhookOutcome.HandlerTimeout, eventType);
            case RunKind.Aborted:
                WebhookEndpointLog.RequestAborted(_logger, Vendor);
                return new(ClientClosedRequest, WebhookOutcome.Aborted, eventType);
            default:
                WebhookEndpointLog.HandlerFailed(_logger, Vendor, eventType, run.Exception!);
                return new(StatusCodes.Status500InternalServerError, WebhookOutcome.HandlerFailed, eventType);
        }
    }

    private async ValueTask<Outcome> DeadLetterAsync(
        ReadOnlyMemory<byte> signedBody,
        WebhookPayloadException error,
        WebhookVerificationMethod method,
        DateTimeOffset receivedAt,
        TOptions options,
        CancellationToken aborted)
    {
        if (_deadLetterHandlers.Length == 0)
        {
            WebhookEndpointLog.DeadLetterHandlerMissing(_logger, Vendor);
            WebhookEndpointLog.PayloadInvalid(_logger, Vendor, signedBody.Length, 0, error.Path, error);
            return new(StatusCodes.Status400BadRequest, WebhookOutcome.InvalidPayload, null);
        }

        // The pooled body is returned after the response; the hook gets bytes it may keep.
        var deadLetter = new WebhookDeadLetter(Vendor, signedBody.ToArray(), error, method, receivedAt);
        var run = await RunInScopeAsync(
            (Handlers: _deadLetterHandlers, DeadLetter: deadLetter),
            static async (state, services, cancellationToken, waitForHandler) =>
            {
                foreach (var handler in state.Handlers)
                {
                    await waitForHandler(handler.Invoke(services, state.DeadLetter, cancellationToken)).ConfigureAwait(false);
                }
            },
            options.HandlerTimeout,
            aborted).ConfigureAwait(false);

        switch (run.Kind)
        {
            case RunKind.Succeeded:
                WebhookEndpointLog.PayloadInvalid(_logger, Vendor, signedBody.Length, _deadLetterHandlers.Length, error.Path, error);
                return new(StatusCodes.Status400BadRequest, WebhookOutcome.InvalidPayload, null);
            case RunKind.Aborted:
                WebhookEndpointLog.RequestAborted(_logger, Vendor);
                return new(ClientClosedRequest, WebhookOutcome.Aborted, null);
            default:
                // The authentic body was not stored anywhere: 500 makes the vendor send it again, which a 400 would not.
                var failure = run.Exception ?? new TimeoutException("The dead-letter handlers did not finish within HandlerTimeout.");
                WebhookEndpointLog.DeadLetterHandlerFailed(_logger, Vendor, failure);
                return new(StatusCodes.Status500InternalServerError, WebhookOutcome.DeadLetterFailed, null);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a new service scope, bounded by the request and by the optional timeout. A handler
    /// that ignores its token is abandoned when the timeout passes, so the vendor gets its answer in time.
    /// </summary>
    private async ValueTask<RunResult> RunInScopeAsync<TState>(
        TState state,
        Func<TState, IServiceProvider, CancellationToken, Func<Task, Task>, Task> body,
        TimeSpan? timeout,
        CancellationToken aborted)
    {
        CancellationTokenSource? timeoutSource = null;
        CancellationTokenSource? linkedSource = null;
        try
        {
            var token = aborted;
            Func<Task, Task> waitForHandler = static task => task;
            if (timeout is { } limit)
            {
                timeoutSource = new CancellationTokenSource(limit, _time);
                linkedSource = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeoutSource.Token);
                var linkedToken = linkedSource.Token;
                token = linkedToken;
                waitForHandler = task => task.WaitAsync(linkedToken);
            }

            var scope = _scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await body(state, scope.ServiceProvider, token, waitForHandler).ConfigureAwait(false);
            }

            return RunResult.Succeeded;
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            return new(RunKind.Aborted, null);
        }
        catch (Exception) when (timeoutSource?.IsCancellationRequested == true)
        {
            return new(RunKind.TimedOut, null);
        }
        catch (Exception exception)
        {
            return new(RunKind.Failed, exception);
        }
        finally
        {
            linkedSource?.Dispose();
            timeoutSource?.Dispose();
        }
    }

    private void LogVerificationFailure(WebhookVerificationResult verification, ReadOnlySpan<byte> body, bool canonicalAllowed)
    {
        switch (verification.Status)
        {
            case WebhookVerificationStatus.SignatureMismatch:
                if (!_logger.IsEnabled(LogLevel.Warning))
                {
                    // The compactness check reads the whole body: a forged request must not pay for a log nobody reads.
                    break;
                }

                if (canonicalAllowed)
                {
                    // The verifier has already tried the re-serialized forms, so reformatting is ruled out.
                    WebhookEndpointLog.SignatureMismatch(
                        _logger,
                        Vendor,
                        body.Length,
                        "not checked",
                        "Neither the body nor its canonical JSON forms match any configured secret: check that " + SecretToCheck + ", and that nothing changed a value on the way.");
                    break;
                }

                // One pass over the bytes that allocates nothing, so it is checked at any size.
                var compact = WebhookJsonDiagnostics.IsCompactCanonicalJson(body);
                WebhookEndpointLog.SignatureMismatch(
                    _logger,
                    Vendor,
                    body.Length,
                    compact ? "yes" : "no",
                    compact
                        ? "The body is in the compact form the vendor signs: check that " + SecretToCheck + "."
                        : "The body is not in the compact form the vendor signs: something between the vendor and this app probably reformatted it. Fix that hop, or set AllowCanonicalJsonSignatures to verify the re-serialized form as the vendor's own receivers do.");
                break;
            case WebhookVerificationStatus.CanonicalVerificationThrottled:
                WebhookEndpointLog.CanonicalVerificationThrottled(_logger, Vendor, body.Length);
                break;
            case WebhookVerificationStatus.MalformedSignature:
                WebhookEndpointLog.DeliveryUnauthorized(_logger, Vendor, "the signature header is malformed (wrong length or encoding)");
                break;
            default:
                WebhookEndpointLog.DeliveryUnauthorized(_logger, Vendor, "the signature header is missing");
                break;
        }
    }

    private static string MethodName(WebhookVerificationMethod method) => method switch
    {
        WebhookVerificationMethod.RawBody => "raw_body",
        WebhookVerificationMethod.CanonicalJavaScript => "canonical_javascript",
        WebhookVerificationMethod.CanonicalPython => "canonical_python",
        WebhookVerificationMethod.ApiKey => "api_key",
        WebhookVerificationMethod.BearerToken => "bearer_token",
        _ => "none",
    };

    private readonly record struct Outcome(int StatusCode, string Name, string? EventType);

    private enum RunKind
    {
        Succeeded,
        TimedOut,
        Aborted,
        Failed,
    }

    private readonly record struct RunResult(RunKind Kind, Exception? Exception)
    {
        public static RunResult Succeeded => new(RunKind.Succeeded, null);
    }
}
