using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Http;

namespace Classet.Boooply.Webhooks.AspNetCore.Internal;

/// <summary>The Classet delivery endpoint: base64url signature, legacy API key with downgrade protection, body-hash delivery key.</summary>
internal sealed class ClassetWebhookEndpoint : WebhookEndpoint<ClassetWebhookEvent, ClassetWebhookOptions, ClassetWebhookVerifier>
{
    public ClassetWebhookEndpoint(IServiceProvider services)
        : base(services, WebhookVendorNames.Classet)
    {
    }

    protected override HeaderCheck CheckHeaders(HttpRequest request, ClassetWebhookVerifier verifier, ClassetWebhookOptions options)
    {
        var signature = request.Headers[ClassetWebhookHeaders.Signature].ToString();
        if (verifier.HasSigningSecrets && !string.IsNullOrWhiteSpace(signature))
        {
            return HeaderCheck.Continue;
        }

        var apiKey = request.Headers[ClassetWebhookHeaders.ApiKey].ToString();

        // Downgrade protection: once signing secrets exist, a stolen legacy key alone must not be enough.
        if (verifier.HasSigningSecrets && !options.AllowApiKeyFallback)
        {
            return HeaderCheck.Reject(apiKey.Length > 0
                ? "the signature header is missing and an x-classet-key alone is not accepted while signing secrets are configured (downgrade protection; see AllowApiKeyFallback)"
                : "the x-classet-webhook-signature header is missing");
        }

        if (!verifier.HasLegacyApiKeys)
        {
            return HeaderCheck.Reject("the x-classet-webhook-signature header is missing");
        }

        if (apiKey.Length == 0)
        {
            return HeaderCheck.Reject("no x-classet-key header was sent, and only legacy API keys are configured (no signing secret to check a signature with)");
        }

        return verifier.VerifyApiKey(apiKey) is { IsVerified: true } key
            ? HeaderCheck.Accept(key)
            : HeaderCheck.Reject("the x-classet-key does not match a configured legacy API key");
    }

    protected override WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, HttpRequest request, ClassetWebhookVerifier verifier) =>
        verifier.Verify(body, request.Headers[ClassetWebhookHeaders.Signature].ToString());

    protected override bool TryParse(ReadOnlySpan<byte> signedBody, out ClassetWebhookEvent? webhookEvent, out WebhookPayloadException? error) =>
        ClassetWebhookSerializer.TryDeserialize(signedBody, out webhookEvent, out error);

    protected override string GetEventType(ClassetWebhookEvent webhookEvent) => webhookEvent.EventType;

    protected override bool IsUnknown(ClassetWebhookEvent webhookEvent) => webhookEvent is ClassetUnknownEvent;

    /// <summary>Classet sends no delivery id, and retries resend the same bytes: the body's SHA-256 identifies a delivery.</summary>
    protected override string GetDeliveryKey(ClassetWebhookEvent webhookEvent, ReadOnlySpan<byte> signedBody) => HashBody(signedBody);

    internal static string HashBody(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        Span<char> text = stackalloc char[64];
        for (var index = 0; index < hash.Length; index++)
        {
            text[index * 2] = "0123456789abcdef"[hash[index] >> 4];
            text[(index * 2) + 1] = "0123456789abcdef"[hash[index] & 0xF];
        }

        return new string(text);
    }
}
