using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Classet: base64url signature, legacy API key with downgrade protection, body-hash delivery key.</summary>
internal sealed class ClassetWebhookVendor : WebhookVendor<ClassetWebhookEvent, ClassetWebhookOptions, ClassetWebhookVerifier>
{
    public static readonly ClassetWebhookVendor Instance = new();

    // Classet documents two headers; x-classet-key is an API credential and is never exposed.
    private static readonly string[] Exposed = [ClassetWebhookHeaders.Signature];

    private ClassetWebhookVendor()
    {
    }

    public override string Name => WebhookVendorNames.Classet;

    public override string[] ExposedHeaders => Exposed;

    public override HeaderCheck CheckHeaders(in WebhookRequestHeaders headers, ClassetWebhookVerifier verifier, ClassetWebhookOptions options)
    {
        var signature = headers.GetValue(ClassetWebhookHeaders.Signature);
        if (verifier.HasSigningSecrets && !string.IsNullOrWhiteSpace(signature))
        {
            return HeaderCheck.Continue;
        }

        var apiKey = headers.GetValue(ClassetWebhookHeaders.ApiKey);

        // Downgrade protection: once signing secrets exist, a stolen legacy key alone must not be enough.
        if (verifier.HasSigningSecrets && !options.AllowApiKeyFallback)
        {
            return HeaderCheck.Reject(apiKey is not null
                ? "the signature header is missing and an x-classet-key alone is not accepted while signing secrets are configured (downgrade protection; see AllowApiKeyFallback)"
                : "the x-classet-webhook-signature header is missing");
        }

        if (!verifier.HasLegacyApiKeys)
        {
            return HeaderCheck.Reject("the x-classet-webhook-signature header is missing");
        }

        if (apiKey is null)
        {
            return HeaderCheck.Reject("no x-classet-key header was sent, and only legacy API keys are configured (no signing secret to check a signature with)");
        }

        return verifier.VerifyApiKey(apiKey)
            ? HeaderCheck.Accept(WebhookVerificationResult.Success(WebhookVerificationMethod.ApiKey, 0))
            : HeaderCheck.Reject("the x-classet-key does not match a configured legacy API key");
    }

    public override WebhookVerificationResult VerifyBody(ReadOnlySpan<byte> body, in WebhookRequestHeaders headers, ClassetWebhookVerifier verifier) =>
        verifier.Verify(body, headers.GetValue(ClassetWebhookHeaders.Signature));

    public override bool TryParse(ReadOnlySpan<byte> signedBody, [NotNullWhen(true)] out ClassetWebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookPayloadException? error) =>
        ClassetWebhookSerializer.TryDeserialize(signedBody, out webhookEvent, out error);

    public override string GetEventType(ClassetWebhookEvent webhookEvent) => webhookEvent.EventType;

    public override bool IsUnknown(ClassetWebhookEvent webhookEvent) => webhookEvent is ClassetUnknownEvent;

    /// <summary>Classet sends no delivery id, and retries resend the same bytes: the body's SHA-256 identifies a delivery.</summary>
    public override string GetDeliveryKey(ClassetWebhookEvent webhookEvent, ReadOnlySpan<byte> signedBody) => HashBody(signedBody);

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
