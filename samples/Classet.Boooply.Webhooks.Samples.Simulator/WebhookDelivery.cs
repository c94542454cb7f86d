using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>
/// One webhook delivery as the vendor would send it: the target, the exact body bytes and the headers, signature
/// included. Build it with <see cref="ForClasset"/> or <see cref="ForBoooply"/>; send it with <see cref="DeliverySimulator"/>.
/// </summary>
/// <remarks><see cref="ToString"/> never shows header values, because they carry secrets.</remarks>
public sealed class WebhookDelivery
{
    private WebhookDelivery(WebhookVendor vendor, Uri url, ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Vendor = vendor;
        Url = url;
        Body = body;
        Headers = headers;
    }

    /// <summary>Gets the vendor whose delivery this is.</summary>
    public WebhookVendor Vendor { get; }

    /// <summary>Gets the endpoint the delivery is posted to.</summary>
    public Uri Url { get; }

    /// <summary>Gets the body bytes, exactly as signed and sent.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request headers other than <c>Content-Type</c> (always <c>application/json</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>
    /// Builds a Classet delivery. With a signing secret it carries <c>x-classet-webhook-signature</c> (base64url
    /// HMAC-SHA256 of the body); with only an API key it carries the legacy <c>x-classet-key</c>, as Classet does when
    /// no signature is configured on its side.
    /// </summary>
    /// <param name="url">The endpoint.</param>
    /// <param name="body">The body bytes; sent and signed as they are.</param>
    /// <param name="signingSecret">The webhook signing secret, or <see langword="null"/> for a legacy API-key delivery.</param>
    /// <param name="apiKey">The organization API key, used only when <paramref name="signingSecret"/> is absent.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Neither a secret nor an API key is given.</exception>
    public static WebhookDelivery ForClasset(Uri url, ReadOnlyMemory<byte> body, string? signingSecret, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var headers = new List<KeyValuePair<string, string>>(1);
        if (!string.IsNullOrEmpty(signingSecret))
        {
            headers.Add(new(ClassetWebhookHeaders.Signature, ClassetWebhookSigner.Sign(body.Span, signingSecret)));
        }
        else if (!string.IsNullOrEmpty(apiKey))
        {
            headers.Add(new(ClassetWebhookHeaders.ApiKey, apiKey));
        }
        else
        {
            throw new ArgumentException("A Classet delivery needs a signing secret or, for the legacy scheme, an API key.", nameof(signingSecret));
        }

        return new WebhookDelivery(WebhookVendor.Classet, url, body, headers);
    }

    /// <summary>
    /// Builds a Boooply delivery with every header Boooply sends: <c>X-Boooply-Signature</c> (hex HMAC-SHA256 of the
    /// body, keyed with the whole secret, <c>whsec_</c> included), <c>X-Boooply-Event</c> and <c>X-Boooply-Meeting-Id</c>
    /// (copied from the body when it has them), <c>X-Boooply-Platform: custom</c> and <c>Authorization: Bearer &lt;secret&gt;</c>.
    /// </summary>
    /// <param name="url">The endpoint.</param>
    /// <param name="body">The body bytes; sent and signed as they are.</param>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static WebhookDelivery ForBoooply(Uri url, ReadOnlyMemory<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var (eventType, meetingCode) = ReadBoooplyRouting(body);
        var headers = new List<KeyValuePair<string, string>>(5)
        {
            new(BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(body.Span, secret)),
        };
        if (eventType is not null)
        {
            headers.Add(new(BoooplyWebhookHeaders.Event, eventType));
        }

        headers.Add(new(BoooplyWebhookHeaders.Platform, "custom"));
        if (meetingCode is not null)
        {
            headers.Add(new(BoooplyWebhookHeaders.MeetingId, meetingCode));
        }

        headers.Add(new(BoooplyWebhookHeaders.Authorization, "Bearer " + secret));
        return new WebhookDelivery(WebhookVendor.Boooply, url, body, headers);
    }

    /// <summary>Builds a delivery of one of the documented events, with its documented example body.</summary>
    /// <param name="simulatedEvent">The event.</param>
    /// <param name="url">The endpoint.</param>
    /// <param name="secret">The signing secret (for Classet, null to send <paramref name="apiKey"/> instead).</param>
    /// <param name="apiKey">Classet only: the legacy API key.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="simulatedEvent"/> or <paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No usable credential is given.</exception>
    public static WebhookDelivery For(SimulatedEvent simulatedEvent, Uri url, string? secret, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(simulatedEvent);
        var body = simulatedEvent.GetBody();
        return simulatedEvent.Vendor == WebhookVendor.Boooply
            ? ForBoooply(url, body, secret!)
            : ForClasset(url, body, secret, apiKey);
    }

    /// <summary>Returns the value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name, matched ignoring case.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? GetHeader(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Vendor} delivery to {Url} ({Body.Length} bytes; headers: {string.Join(", ", Headers.Select(h => h.Key))})";

    // Boooply copies event and meetingCode into headers; a body that is not the usual shape simply goes without them.
    private static (string? EventType, string? MeetingCode) ReadBoooplyRouting(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? eventType = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            string? meetingCode = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("meetingCode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (eventType, meetingCode);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
