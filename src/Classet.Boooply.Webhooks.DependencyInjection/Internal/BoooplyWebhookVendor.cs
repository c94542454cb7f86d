using System.Diagnostics.CodeAnalysis;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Boooply: hex signature, optional bearer token, optional replay window, idempotency-key dedup.</summary>
internal sealed class BoooplyWebhookVendor : WebhookVendor<BoooplyWebhookEvent, BoooplyWebhookOptions, BoooplyWebhookVerifier>
{
    public static readonly BoooplyWebhookVendor Instance = new();

    // Documented by Boooply and free of secrets; Authorization (the secret itself) is never exposed.
    private static readonly string[] Exposed =
    [
        BoooplyWebhookHeaders.Event,
        BoooplyWebhookHeaders.Platform,
        BoooplyWebhookHeaders.MeetingId,
        BoooplyWebhookHeaders.Signature,
    ];

    private BoooplyWebhookVendor()
    {
    }

    public override string Name => WebhookVendorNames.Boooply;

    public override string[] ExposedHeaders => Exposed;

    public override HeaderCheck CheckHeaders(in WebhookRequestHeaders headers, BoooplyWebhookVerifier verifier, BoooplyWebhookOptions options)
    {
        if (options.RequireBearerToken)
        {
            var bearer = verifier.VerifyBearerToken(headers.GetValue(BoooplyWebhookHeaders.Authorization));
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
        return string.IsNullOrWhiteSpace(headers.GetValue(BoooplyWebhookHeaders.Signature))
            ? HeaderCheck.Reject("the X-Boooply-Signature header is missing")
            : HeaderCheck.Continue;
    }

    public override WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, in WebhookRequestHeaders headers, BoooplyWebhookVerifier verifier) =>
        verifier.Verify(body, headers.GetValue(BoooplyWebhookHeaders.Signature));

    public override bool TryParse(ReadOnlySpan<byte> signedBody, [NotNullWhen(true)] out BoooplyWebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookPayloadException? error) =>
        BoooplyWebhookSerializer.TryDeserialize(signedBody, out webhookEvent, out error);

    public override string GetEventType(BoooplyWebhookEvent webhookEvent) => webhookEvent.EventType;

    public override bool IsUnknown(BoooplyWebhookEvent webhookEvent) => webhookEvent is BoooplyUnknownEvent;

    /// <summary>
    /// Boooply's idempotency key, unless the payload has no meeting code (a future event shape, say): then every such
    /// delivery would share one key and deduplication would drop distinct events, so the body's hash stands in.
    /// </summary>
    public override string GetDeliveryKey(BoooplyWebhookEvent webhookEvent, ReadOnlySpan<byte> signedBody) =>
        string.IsNullOrEmpty(webhookEvent.MeetingCode)
            ? string.Concat("sha256:", ClassetWebhookVendor.HashBody(signedBody))
            : webhookEvent.IdempotencyKey;

    /// <summary>
    /// The replay window applies to the signed <c>data.timestamp</c>, in both directions (a far-future timestamp is as
    /// suspect as an old one). It answers 401 like any failed authentication: a replay is not a trustworthy delivery.
    /// </summary>
    public override bool IsStale(BoooplyWebhookEvent webhookEvent, BoooplyWebhookOptions options, DateTimeOffset now, out string reason, out TimeSpan window)
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
