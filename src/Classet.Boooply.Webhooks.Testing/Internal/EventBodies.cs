using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>
/// The bytes a vendor sends for an event: the SDK's serializer writes the wire shape, then <c>JSON.stringify</c>'s
/// spelling is applied (the serializer escapes a few characters, such as emoji, that JavaScript writes as they are).
/// </summary>
internal static class EventBodies
{
    public static byte[] Classet(ClassetWebhookEvent webhookEvent) =>
        WebhookTestJson.ToJavaScriptCompact(ClassetWebhookSerializer.SerializeToUtf8Bytes(webhookEvent));

    public static byte[] Boooply(BoooplyWebhookEvent webhookEvent) =>
        WebhookTestJson.ToJavaScriptCompact(BoooplyWebhookSerializer.SerializeToUtf8Bytes(webhookEvent));
}
