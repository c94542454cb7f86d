using Classet.Boooply.Webhooks.Boooply;
using Microsoft.AspNetCore.Http;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>The Boooply delivery endpoint: hex signature, optional bearer token, optional replay window, idempotency-key dedup.</summary>
internal sealed class BoooplyWebhookEndpoint : WebhookEndpoint<BoooplyWebhookEvent, BoooplyWebhookOptions, BoooplyWebhookVerifier>
{
    public BoooplyWebhookEndpoint(IServiceProvider services)
        : base(services, WebhookVendorNames.Boooply)
    {
    }

    protected override HeaderCheck CheckHeaders(HttpRequest request, BoooplyWebhookVerifier verifier, BoooplyWebhookOptions options)
    {
        if (options.RequireBearerToken)
        {
            var bearer = verifier.VerifyBearerToken(request.Headers[BoooplyWebhookHeaders.Authorization].ToString());
            if (!bearer.IsVerified)
            {
                return HeaderCheck.Reject(bearer.Status switch
                {
                    WebhookVerificationStatus.MissingSignature => "the Authorization bearer token is missing (RequireBearerToken)",
                    WebhookVerificationStatus.MalformedSignature => "the Authorization header is not a bearer token (RequireBearerToken)",
                    _ => "the Authorization bearer token does not match a configured secret (RequireBearerToken)",
                });
            }
        }

        // The bearer token is the secret itself and is not tied to the body: the signature is always required.
        return string.IsNullOrWhiteSpace(request.Headers[BoooplyWebhookHeaders.Signature].ToString())
            ? HeaderCheck.Reject("the X-Boooply-Signature header is missing")
            : HeaderCheck.Continue;
    }

    protected override WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, HttpRequest request, BoooplyWebhookVerifier verifier) =>
        verifier.Verify(body, request.Headers[BoooplyWebhookHeaders.Signature].ToString());

    protected override bool TryParse(ReadOnlySpan<byte> signedBody, out BoooplyWebhookEvent? webhookEvent, out WebhookPayloadException? error) =>
        BoooplyWebhookSerializer.TryDeserialize(signedBody, out webhookEvent, out error);

    protected override string GetEventType(BoooplyWebhookEvent webhookEvent) => webhookEvent.EventType;

    protected override bool IsUnknown(BoooplyWebhookEvent webhookEvent) => webhookEvent is BoooplyUnknownEvent;

    /// <summary>
    /// Boooply's idempotency key, unless the payload has no meeting code (a future event shape, say): then every such
    /// delivery would share one key and deduplication would drop distinct events, so the body's hash stands in.
    /// </summary>
    protected override string GetDeliveryKey(BoooplyWebhookEvent webhookEvent, ReadOnlySpan<byte> signedBody) =>
        string.IsNullOrEmpty(webhookEvent.MeetingCode)
            ? string.Concat("sha256:", ClassetWebhookEndpoint.HashBody(signedBody))
            : webhookEvent.IdempotencyKey;

    /// <summary>
    /// The replay window applies to the signed <c>data.timestamp</c>, in both directions (a far-future timestamp is as
    /// suspect as an old one). It answers 401 like any failed authentication: a replay is not a trustworthy delivery.
    /// </summary>
    protected override bool IsStale(BoooplyWebhookEvent webhookEvent, BoooplyWebhookOptions options, DateTimeOffset now, out string reason, out TimeSpan window)
    {
        window = options.MaxEventAge.GetValueOrDefault();
        if (options.MaxEventAge is null)
        {
            reason = string.Empty;
            return false;
        }

        if (webhookEvent.Timestamp is not { } timestamp)
        {
            reason = "it carries no data.timestamp, so its age cannot be checked";
            return true;
        }

        var age = now - timestamp;
        if (age > window)
        {
            reason = "its signed data.timestamp is older than the replay window";
            return true;
        }

        if (-age > window)
        {
            reason = "its signed data.timestamp is further in the future than the replay window";
            return true;
        }

        reason = string.Empty;
        return false;
    }
}
