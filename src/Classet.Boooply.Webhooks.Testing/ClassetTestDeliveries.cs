using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Turns a Classet event, or raw bytes, into what Classet really sends: the compact body and its signature.
/// <c>ClassetTestDeliveries.Create(ClassetTestEvents.InterviewUpdated(), secret).ToHttpRequestMessage("/webhooks/classet")</c>.
/// </summary>
public static class ClassetTestDeliveries
{
    /// <summary>Creates a delivery of an event, serialized compactly as Classet sends it (<c>JSON.stringify</c>) and signed.</summary>
    /// <param name="webhookEvent">The event, such as one from <see cref="ClassetTestEvents"/>.</param>
    /// <param name="secret">The webhook signature secret configured for the receiver.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static ClassetTestDelivery Create(ClassetWebhookEvent webhookEvent, string secret)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new(new TestDeliverySettings(EventBodies.Classet(webhookEvent), FromEvent: true, secret, false, false, TestBodyFormat.AsSigned, []));
    }

    /// <summary>Creates a delivery of raw bytes, sent and signed exactly as given (a captured body, a malformed one).</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="secret">The webhook signature secret configured for the receiver.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static ClassetTestDelivery Create(byte[] body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new(new TestDeliverySettings([.. body], FromEvent: false, secret, false, false, TestBodyFormat.AsSigned, []));
    }
}
