using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// Turns a Boooply event, or raw bytes, into what Boooply really sends: the compact body, its signature and every
/// Boooply header. <c>BoooplyTestDeliveries.Create(BoooplyTestEvents.Evaluation(), secret).ToHttpRequestMessage("/webhooks/boooply")</c>.
/// </summary>
public static class BoooplyTestDeliveries
{
    /// <summary>Creates a delivery of an event, serialized compactly as Boooply sends it (<c>JSON.stringify</c>) and signed.</summary>
    /// <param name="webhookEvent">The event, such as one from <see cref="BoooplyTestEvents"/>.</param>
    /// <param name="secret">The webhook secret configured for the receiver, <c>whsec_</c> included.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webhookEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static BoooplyTestDelivery Create(BoooplyWebhookEvent webhookEvent, string secret)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new(new TestDeliverySettings(EventBodies.Boooply(webhookEvent), FromEvent: true, secret, false, false, TestBodyFormat.AsSigned, []));
    }

    /// <summary>Creates a delivery of raw bytes, sent and signed exactly as given (a captured body, a malformed one).</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="secret">The webhook secret configured for the receiver, <c>whsec_</c> included.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or white space.</exception>
    public static BoooplyTestDelivery Create(byte[] body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new(new TestDeliverySettings([.. body], FromEvent: false, secret, false, false, TestBodyFormat.AsSigned, []));
    }
}
