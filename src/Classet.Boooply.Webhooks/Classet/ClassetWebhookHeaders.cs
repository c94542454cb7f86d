namespace Classet.Boooply.Webhooks.Classet;

/// <summary>The HTTP header names Classet sends with a webhook delivery.</summary>
public static class ClassetWebhookHeaders
{
    /// <summary>The HMAC-SHA256 signature of the body, base64url without padding.</summary>
    public const string Signature = "x-classet-webhook-signature";

    /// <summary>The organization's API key, sent instead of a signature when no signing secret is set up at Classet (legacy).</summary>
    public const string ApiKey = "x-classet-key";
}
