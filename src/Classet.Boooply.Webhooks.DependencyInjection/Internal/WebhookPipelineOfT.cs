using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// The delivery pipeline both vendors share: limit, authenticate from the headers, read once, verify before parsing,
/// parse the signed bytes, then either store the delivery (<see cref="IWebhookDeliveryStore"/>) or deduplicate and
/// dispatch it inline (<see cref="WebhookDispatcher{TEvent}"/>), and answer with the DESIGN status table. The vendor
/// plugs in the few differences (<see cref="WebhookVendor{TEvent, TOptions, TVerifier}"/>).
/// </summary>
internal sealed class WebhookPipeline<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier> : WebhookPipeline
    where TEvent : class
    where TOptions : WebhookOptions
    where TVerifier : class
{
    /// <summary>
    /// Above this size a failed signature is logged without the compactness hint: the hint parses and re-serializes
    /// the body, and an unauthenticated sender should not be able to buy more than a bounded amount of that work.
    /// </summary>
    private const int MaxCompactCheckLength = 1024 * 1024;

    /// <summary>What every signature-mismatch hint asks the operator to check about the secret.</summary>
    private const string SecretToCheck = "the configured secret is the one this endpoint's webhook uses, used whole (for Boooply including the whsec_ prefix)";

    private readonly WebhookVendor<TEvent, TOptions, TVerifier> _vendor;
    private readonly WebhookVerifierProvider<TOptions, TVerifier> _verifiers;
    private readonly WebhookDispatcher<TEvent> _dispatcher;
    private readonly IWebhookDeduplicationStore? _deduplication;
    private readonly IWebhookDeliveryStore? _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WebhookReceiverMetrics _metrics;
    private readonly string _activityName;

    public WebhookPipeline(IServiceProvider services, WebhookVendor<TEvent, TOptions, TVerifier> vendor)
    {
        _vendor = vendor;
        _verifiers = services.GetRequiredService<WebhookVerifierProvider<TOptions, TVerifier>>();
        _dispatcher = services.GetRequiredService<WebhookDispatcher<TEvent>>();
        _deduplication = services.GetService<WebhookDeduplicationRegistration<TEvent>>()?.StoreFactory(services);
        _store = services.GetService<WebhookDeliveryStoreRegistration<TEvent>>()?.StoreFactory(services);
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger(WebhookReceiverLog.Category) ?? NullLogger.Instance;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _metrics = services.GetService<WebhookReceiverMetrics>() ?? new WebhookReceiverMetrics(services.GetService<IMeterFactory>());
        _activityName = vendor.Name + " webhook";
    }

    public override string Vendor => _vendor.Name;

    public override async ValueTask<WebhookReceiveResult> ReceiveAsync(
        WebhookRequestHeaders headers,
        ReadOnlyMemory<byte> bufferedBody,
        WebhookRequestBody? body,
        CancellationToken cancellationToken)
    {
        using var activity = WebhookReceiverMetrics.ActivitySource.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag(WebhookTelemetry.VendorTag, Vendor);
        WebhookReceiveResult result;
        try
        {
            result = await ProcessAsync(headers, bufferedBody, body, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            WebhookReceiverLog.RequestAborted(_logger, Vendor);
            result = new(WebhookReceiveOutcome.Aborted);
        }
        catch (Exception exception)
        {
            // Outside the handlers (a deduplication store that is down, say): still an answer the vendor retries on.
            WebhookReceiverLog.DeliveryFailed(_logger, Vendor, exception);
            result = new(WebhookReceiveOutcome.Error);
        }

        _metrics.RecordDelivery(Vendor, result.EventType, result.Outcome);
        if (activity is not null)
        {
            activity.SetTag(WebhookTelemetry.OutcomeTag, WebhookReceiverMetrics.OutcomeName(result.Outcome));
            activity.SetTag("http.response.status_code", result.StatusCode);
            if (result.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error, WebhookReceiverMetrics.OutcomeName(result.Outcome));
            }
        }

        return result;
    }

    private async ValueTask<WebhookReceiveResult> ProcessAsync(
        WebhookRequestHeaders headers,
        ReadOnlyMemory<byte> bufferedBody,
        WebhookRequestBody? body,
        Activity? activity,
        CancellationToken cancellationToken)
    {
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
            WebhookReceiverLog.ConfigurationInvalid(_logger, Vendor, string.Join(" ", exception.Failures));
            return new(WebhookReceiveOutcome.ConfigurationError);
        }

        var options = snapshot.Options;
        var limit = Math.Min(options.MaxRequestBodySize, Array.MaxLength - 1);
        var declaredLength = body is null ? bufferedBody.Length : body.DeclaredLength;
        if (declaredLength > limit)
        {
            WebhookReceiverLog.BodyTooLarge(_logger, Vendor, options.MaxRequestBodySize);
            return new(WebhookReceiveOutcome.TooLarge);
        }

        var headerCheck = _vendor.CheckHeaders(headers, snapshot.Verifier, options);
        if (headerCheck.Kind == HeaderCheckKind.Rejected)
        {
            WebhookReceiverLog.DeliveryUnauthorized(_logger, Vendor, headerCheck.Reason!);
            return new(WebhookReceiveOutcome.Unauthorized);
        }

        PooledBodyWriter? pooled = null;
        try
        {
            var raw = bufferedBody;
            if (body is not null)
            {
                pooled = new PooledBodyWriter((int)limit + 1, declaredLength);
                bool complete;
                try
                {
                    complete = await body.CopyToAsync(pooled, limit, cancellationToken).ConfigureAwait(false);
                }
                catch (BodyLimitExceededException)
                {
                    complete = false;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    WebhookReceiverLog.BodyReadFailed(_logger, Vendor, WebhookReceiveResult.GetStatusCode(WebhookReceiveOutcome.BadRequest), exception);
                    return new(WebhookReceiveOutcome.BadRequest);
                }

                if (!complete || pooled.WrittenCount > limit)
                {
                    WebhookReceiverLog.BodyTooLarge(_logger, Vendor, options.MaxRequestBodySize);
                    return new(WebhookReceiveOutcome.TooLarge);
                }

                raw = pooled.WrittenMemory;
            }

            var verification = headerCheck.Kind == HeaderCheckKind.Accepted
                ? headerCheck.Result
                : _vendor.VerifyBody(raw.Span, headers, snapshot.Verifier);
            if (!verification.IsVerified)
            {
                LogVerificationFailure(verification, raw.Span, options.AllowCanonicalJsonSignatures);
                return new(WebhookReceiveOutcome.Unauthorized);
            }

            activity?.SetTag("webhook.verification_method", MethodName(verification.Method));

            // What was signed is what gets parsed: the canonical form when only that verified, never a re-serialization.
            var signed = verification.GetSignedBody(raw);
            if (!_vendor.TryParse(signed.Span, out var webhookEvent, out var error))
            {
                return _store is { } deadLetterStore
                    ? await StoreAsync(deadLetterStore, signed, error, string.Empty, "sha256:" + ClassetWebhookVendor.HashBody(signed.Span), verification.Method, receivedAt, headers, cancellationToken).ConfigureAwait(false)
                    : await DeadLetterAsync(signed, error, verification.Method, receivedAt, options, cancellationToken).ConfigureAwait(false);
            }

            var eventType = _vendor.GetEventType(webhookEvent);
            activity?.SetTag(WebhookTelemetry.EventTag, eventType);
            if (_vendor.IsStale(webhookEvent, options, receivedAt, out var staleReason, out var window))
            {
                WebhookReceiverLog.EventOutsideReplayWindow(_logger, Vendor, eventType, staleReason, window);
                return new(WebhookReceiveOutcome.Unauthorized, eventType);
            }

            var deliveryKey = _vendor.GetDeliveryKey(webhookEvent, signed.Span);
            if (_store is { } store)
            {
                return await StoreAsync(store, signed, null, eventType, deliveryKey, verification.Method, receivedAt, headers, cancellationToken).ConfigureAwait(false);
            }

            return await DispatchInlineAsync(webhookEvent, eventType, deliveryKey, verification.Method, receivedAt, options, headers, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pooled?.Dispose();
        }
    }

    /// <summary>The inbox path: the delivery is acknowledged once the store has committed it, and dispatched later.</summary>
    private async ValueTask<WebhookReceiveResult> StoreAsync(
        IWebhookDeliveryStore store,
        ReadOnlyMemory<byte> signedBody,
        WebhookPayloadException? parseError,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod method,
        DateTimeOffset receivedAt,
        WebhookRequestHeaders headers,
        CancellationToken cancellationToken)
    {
        var delivery = new VerifiedWebhookDelivery(
            Vendor, eventType, deliveryKey, method, receivedAt, WebhookHeaderSnapshot.Capture(headers, _vendor.ExposedHeaders), signedBody, parseError);
        var reportedEventType = parseError is null ? eventType : null;
        WebhookStoreResult stored;
        try
        {
            stored = await store.StoreAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Never 200 for a delivery that was not stored: the vendor's retry is the only copy left.
            WebhookReceiverLog.StoreUnavailable(_logger, Vendor, parseError is null ? eventType : "dead letter", exception);
            return new(WebhookReceiveOutcome.StoreUnavailable, reportedEventType, parseError is null ? deliveryKey : null);
        }

        if (parseError is not null)
        {
            WebhookReceiverLog.PayloadInvalid(_logger, Vendor, signedBody.Length, 0, parseError.Path, parseError);
            return new(WebhookReceiveOutcome.InvalidPayload);
        }

        if (stored == WebhookStoreResult.AlreadyStored)
        {
            WebhookReceiverLog.DuplicateDelivery(_logger, Vendor, eventType);
            return new(WebhookReceiveOutcome.Duplicate, eventType, deliveryKey);
        }

        return new(WebhookReceiveOutcome.Stored, eventType, deliveryKey);
    }

    private async ValueTask<WebhookReceiveResult> DispatchInlineAsync(
        TEvent webhookEvent,
        string eventType,
        string deliveryKey,
        WebhookVerificationMethod method,
        DateTimeOffset receivedAt,
        TOptions options,
        WebhookRequestHeaders headers,
        CancellationToken cancellationToken)
    {
        var claim = default(WebhookDeduplicationClaim);
        if (_deduplication is { } deduplication)
        {
            claim = await deduplication.TryClaimAsync(string.Concat(Vendor, ":", deliveryKey), cancellationToken).ConfigureAwait(false);
            switch (claim.Status)
            {
                case WebhookDeduplicationStatus.AlreadyProcessed:
                    WebhookReceiverLog.DuplicateDelivery(_logger, Vendor, eventType);
                    return new(WebhookReceiveOutcome.Duplicate, eventType, deliveryKey);
                case WebhookDeduplicationStatus.InProgress:
                    // Not 200: if the delivery in flight fails, this copy must not have been acknowledged.
                    WebhookReceiverLog.DeliveryInProgress(_logger, Vendor, eventType);
                    return new(WebhookReceiveOutcome.InProgress, eventType, deliveryKey);
            }
        }

        var handlerCount = _dispatcher.CountHandlers(webhookEvent);
        var unknown = _vendor.IsUnknown(webhookEvent);
        var run = WebhookDispatchResult.Succeeded;
        if (handlerCount > 0)
        {
            // Reading the clock twice per delivery is only worth it when someone listens to the histogram.
            var timed = _metrics.HandlerDurationEnabled;
            var started = timed ? _time.GetTimestamp() : 0L;
            var delivery = new WebhookDeliveryInfo(Vendor, eventType, deliveryKey, method, receivedAt, WebhookHeaderSnapshot.Capture(headers, _vendor.ExposedHeaders));
            run = await _dispatcher.DispatchAsync(webhookEvent, delivery, 1, options.HandlerTimeout, cancellationToken).ConfigureAwait(false);
            if (timed)
            {
                _metrics.RecordHandlerDuration(Vendor, eventType, Outcome(run.Status, unknown), _time.GetElapsedTime(started));
            }
        }

        if (run.IsSuccess)
        {
            if (claim.IsClaimed)
            {
                await _deduplication!.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
            }

            if (unknown)
            {
                WebhookReceiverLog.UnknownEvent(_logger, Vendor, eventType, handlerCount);
                return new(WebhookReceiveOutcome.UnknownEvent, eventType, deliveryKey);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = _time.GetUtcNow() - receivedAt;
                WebhookReceiverLog.DeliveryHandled(_logger, Vendor, eventType, handlerCount, elapsed.TotalMilliseconds);
            }

            return new(WebhookReceiveOutcome.Handled, eventType, deliveryKey);
        }

        if (run.StillRunning is { } stillRunning)
        {
            // A handler ignored its token and still runs: the claim keeps the vendor's retries away (409) until it
            // stops, and then records how it ended. Releasing it now would run the delivery twice, side by side.
            _ = SettleClaimAfterAsync(stillRunning, claim, eventType);
        }
        else if (claim.IsClaimed)
        {
            // Processing failed: give the key back so the vendor's retry is processed rather than taken for a duplicate.
            await _deduplication!.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }

        switch (run.Status)
        {
            case WebhookDispatchStatus.TimedOut:
                WebhookReceiverLog.HandlerTimedOut(_logger, Vendor, eventType, options.HandlerTimeout);
                return new(WebhookReceiveOutcome.HandlerTimeout, eventType, deliveryKey);
            case WebhookDispatchStatus.Canceled:
                WebhookReceiverLog.RequestAborted(_logger, Vendor);
                return new(WebhookReceiveOutcome.Aborted, eventType, deliveryKey);
            default:
                WebhookReceiverLog.HandlerFailed(_logger, Vendor, eventType, run.Exception!);
                return new(WebhookReceiveOutcome.HandlerFailed, eventType, deliveryKey);
        }
    }

    /// <summary>Completes or releases a claim once handlers that outlived their delivery's answer have really stopped.</summary>
    private async Task SettleClaimAfterAsync(Task<WebhookDispatchResult> stillRunning, WebhookDeduplicationClaim claim, string eventType)
    {
        var final = await stillRunning.ConfigureAwait(false);
        if (!claim.IsClaimed)
        {
            return;
        }

        try
        {
            // Succeeded late: the effects happened, so a later retry is a duplicate. Failed: the next retry runs again.
            _ = final.IsSuccess
                ? await _deduplication!.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false)
                : await _deduplication!.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            WebhookReceiverLog.DeduplicationUpdateFailed(_logger, Vendor, eventType, exception);
        }
    }

    private async ValueTask<WebhookReceiveResult> DeadLetterAsync(
        ReadOnlyMemory<byte> signedBody,
        WebhookPayloadException error,
        WebhookVerificationMethod method,
        DateTimeOffset receivedAt,
        TOptions options,
        CancellationToken cancellationToken)
    {
        if (_dispatcher.DeadLetterHandlerCount == 0)
        {
            WebhookReceiverLog.DeadLetterHandlerMissing(_logger, Vendor);
            WebhookReceiverLog.PayloadInvalid(_logger, Vendor, signedBody.Length, 0, error.Path, error);
            return new(WebhookReceiveOutcome.InvalidPayload);
        }

        // The pooled body is returned after the answer; the hook gets bytes it may keep.
        var deadLetter = new WebhookDeadLetter(Vendor, signedBody.ToArray(), error, method, receivedAt);
        var run = await _dispatcher.DeadLetterAsync(deadLetter, options.HandlerTimeout, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case WebhookDispatchStatus.Succeeded:
                WebhookReceiverLog.PayloadInvalid(_logger, Vendor, signedBody.Length, _dispatcher.DeadLetterHandlerCount, error.Path, error);
                return new(WebhookReceiveOutcome.InvalidPayload);
            case WebhookDispatchStatus.Canceled:
                WebhookReceiverLog.RequestAborted(_logger, Vendor);
                return new(WebhookReceiveOutcome.Aborted);
            default:
                // The authentic body was not stored anywhere: 500 makes the vendor send it again, which a 400 would not.
                var failure = run.Exception ?? new TimeoutException("The dead-letter handlers did not finish within HandlerTimeout.");
                WebhookReceiverLog.DeadLetterHandlerFailed(_logger, Vendor, failure);
                return new(WebhookReceiveOutcome.DeadLetterFailed);
        }
    }

    private static WebhookReceiveOutcome Outcome(WebhookDispatchStatus status, bool unknown) => status switch
    {
        WebhookDispatchStatus.Succeeded => unknown ? WebhookReceiveOutcome.UnknownEvent : WebhookReceiveOutcome.Handled,
        WebhookDispatchStatus.TimedOut => WebhookReceiveOutcome.HandlerTimeout,
        WebhookDispatchStatus.Canceled => WebhookReceiveOutcome.Aborted,
        _ => WebhookReceiveOutcome.HandlerFailed,
    };

    private void LogVerificationFailure(WebhookVerificationResult verification, ReadOnlySpan<byte> body, bool canonicalAllowed)
    {
        switch (verification.Status)
        {
            case WebhookVerificationStatus.SignatureMismatch:
                if (!_logger.IsEnabled(LogLevel.Warning))
                {
                    // The compactness check parses the body: a forged request must not pay for a log nobody reads.
                    break;
                }

                if (canonicalAllowed)
                {
                    // The verifier has already tried the re-serialized forms, so reformatting is ruled out.
                    WebhookReceiverLog.SignatureMismatch(
                        _logger,
                        Vendor,
                        body.Length,
                        "not checked",
                        "Neither the body nor its canonical JSON forms match any configured secret: check that " + SecretToCheck + ", and that nothing changed a value on the way.");
                    break;
                }

                if (body.Length > MaxCompactCheckLength)
                {
                    WebhookReceiverLog.SignatureMismatch(
                        _logger,
                        Vendor,
                        body.Length,
                        "not checked",
                        "Check that " + SecretToCheck + ", and that nothing between the vendor and this app reformats the body; if something does, AllowCanonicalJsonSignatures verifies the re-serialized form as the vendor's own receivers do.");
                    break;
                }

                var compact = WebhookJsonDiagnostics.IsCompactCanonicalJson(body);
                WebhookReceiverLog.SignatureMismatch(
                    _logger,
                    Vendor,
                    body.Length,
                    compact ? "yes" : "no",
                    compact
                        ? "The body is in the compact form the vendor signs: check that " + SecretToCheck + "."
                        : "The body is not in the compact form the vendor signs: something between the vendor and this app probably reformatted it. Fix that hop, or set AllowCanonicalJsonSignatures to verify the re-serialized form as the vendor's own receivers do.");
                break;
            case WebhookVerificationStatus.MalformedSignature:
                WebhookReceiverLog.DeliveryUnauthorized(_logger, Vendor, "the signature header is malformed (wrong length or encoding)");
                break;
            default:
                WebhookReceiverLog.DeliveryUnauthorized(_logger, Vendor, "the signature header is missing");
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
}
