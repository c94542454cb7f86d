namespace Classet.Boooply.Webhooks.Testing;

/// <summary>What <see cref="WebhookTestContexts"/> puts into a <see cref="WebhookDeliveryContext"/> besides what the event decides.</summary>
public sealed class WebhookTestContextOptions
{
    /// <summary>
    /// Gets or sets the services the handler may resolve from <see cref="WebhookDeliveryContext.Services"/> (in a host,
    /// the delivery's scope). Default: a provider that has no services.
    /// </summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>Gets or sets when the delivery was received. Default: now, from <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Gets or sets the clock read when <see cref="ReceivedAt"/> is not set. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets how the delivery was authenticated. Default: <see cref="WebhookVerificationMethod.RawBody"/>, the normal case.</summary>
    public WebhookVerificationMethod VerificationMethod { get; set; } = WebhookVerificationMethod.RawBody;

    /// <summary>
    /// Gets or sets the delivery key, for a handler test about deduplication. Default: the key the endpoint computes
    /// for the event's delivery (see <see cref="WebhookTestContexts"/>).
    /// </summary>
    public string? DeliveryKey { get; set; }

    /// <summary>
    /// Gets or sets which run of the delivery's handlers this is (<see cref="WebhookDeliveryContext.Attempt"/>), for a
    /// handler that behaves differently on a retry by the durable inbox. Default: 1, the first attempt.
    /// </summary>
    public int Attempt { get; set; } = 1;
}
