namespace Classet.Boooply.Webhooks.DependencyInjection;

/// <summary>
/// The answer a <see cref="WebhookReceiver"/> chose for one delivery: the HTTP status code to send, why, and which
/// event it was. A small value type.
/// </summary>
/// <remarks>
/// The status code is all the vendor needs: both retry anything but a 2xx. Send an empty body, or a short fixed text;
/// never the reason for a rejection (that goes to the log, so a prober learns nothing about secrets or configuration).
/// </remarks>
public readonly struct WebhookReceiveResult : IEquatable<WebhookReceiveResult>
{
    /// <summary>The status of <see cref="WebhookReceiveOutcome.Aborted"/>: nginx's "client closed request". Never sent.</summary>
    public const int ClientClosedRequestStatusCode = 499;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="outcome">What was decided.</param>
    /// <param name="eventType">The event type, once the body is verified and parsed; otherwise <see langword="null"/>.</param>
    /// <param name="deliveryKey">The delivery key, once the body is verified and parsed; otherwise <see langword="null"/>.</param>
    public WebhookReceiveResult(WebhookReceiveOutcome outcome, string? eventType = null, string? deliveryKey = null)
    {
        Outcome = outcome;
        EventType = eventType;
        DeliveryKey = deliveryKey;
    }

    /// <summary>Gets what was decided.</summary>
    public WebhookReceiveOutcome Outcome { get; }

    /// <summary>
    /// Gets the HTTP status code to answer with: 200, 400, 401, 409, 413, 500 or 503 (see
    /// <see cref="WebhookReceiveOutcome"/>), or <see cref="ClientClosedRequestStatusCode"/> for
    /// <see cref="WebhookReceiveOutcome.Aborted"/>, when there is nobody left to answer.
    /// </summary>
    public int StatusCode => GetStatusCode(Outcome);

    /// <summary>Gets whether the vendor should consider the delivery delivered (a 2xx status): it will not retry it.</summary>
    public bool IsSuccessStatusCode => StatusCode is >= 200 and <= 299;

    /// <summary>Gets the event type as the vendor named it, once the body was verified and parsed; otherwise <see langword="null"/>.</summary>
    public string? EventType { get; }

    /// <summary>
    /// Gets the delivery key (see <c>WebhookDeliveryContext.DeliveryKey</c>), once the body was verified and parsed;
    /// otherwise <see langword="null"/>.
    /// </summary>
    public string? DeliveryKey { get; }

    /// <summary>Gets the HTTP status code of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The status code; 500 for a value this version does not define.</returns>
    public static int GetStatusCode(WebhookReceiveOutcome outcome) => outcome switch
    {
        WebhookReceiveOutcome.Handled or WebhookReceiveOutcome.UnknownEvent or WebhookReceiveOutcome.Duplicate or WebhookReceiveOutcome.Stored => 200,
        WebhookReceiveOutcome.InvalidPayload or WebhookReceiveOutcome.BadRequest => 400,
        WebhookReceiveOutcome.Unauthorized => 401,
        WebhookReceiveOutcome.InProgress => 409,
        WebhookReceiveOutcome.TooLarge => 413,
        WebhookReceiveOutcome.Aborted => ClientClosedRequestStatusCode,
        WebhookReceiveOutcome.StoreUnavailable => 503,
        _ => 500,
    };

    /// <summary>Compares two results by outcome, event type and delivery key.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WebhookReceiveResult left, WebhookReceiveResult right) => left.Equals(right);

    /// <summary>Compares two results by outcome, event type and delivery key.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WebhookReceiveResult left, WebhookReceiveResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(WebhookReceiveResult other) =>
        Outcome == other.Outcome
        && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
        && string.Equals(DeliveryKey, other.DeliveryKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookReceiveResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, EventType, DeliveryKey);

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {Outcome} {{ EventType = {EventType}, DeliveryKey = {DeliveryKey} }}";
}
