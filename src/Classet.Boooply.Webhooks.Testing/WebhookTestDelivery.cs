using System.Net.Http.Headers;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// One webhook delivery as the vendor sends it: the exact body bytes and every header, signature included. Build one
/// with <see cref="ClassetTestDeliveries"/> or <see cref="BoooplyTestDeliveries"/>, then post it with
/// <see cref="ToHttpRequestMessage(string)"/> (any <see cref="HttpClient"/>, including
/// <c>WebApplicationFactory.CreateClient()</c>). Instances are immutable: the <c>With…</c> methods return new ones.
/// </summary>
/// <remarks><see cref="ToString"/> shows header names only, never their values, because they carry secrets.</remarks>
public abstract class WebhookTestDelivery
{
    private const string JsonMediaType = "application/json";

    private protected WebhookTestDelivery(string vendor, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Vendor = vendor;
        Body = body;
        Headers = headers;
    }

    /// <summary>Gets the vendor that sends this delivery (<see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>).</summary>
    public string Vendor { get; }

    /// <summary>Gets the body bytes exactly as sent.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request headers in the order the vendor sends them, <c>Content-Type</c> (always <c>application/json</c>) aside.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Returns the value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name, matched ignoring case.</param>
    /// <returns>The value, or <see langword="null"/> when the delivery has no such header.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public string? GetHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Creates the POST request the vendor would send. A request can be sent once; call this for each send.</summary>
    /// <param name="requestUri">The endpoint: absolute, or relative to the client's base address (<c>/webhooks/boooply</c>).</param>
    /// <returns>A new request with the body, <c>Content-Type: application/json</c> and every header of the delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestUri"/> is <see langword="null"/>.</exception>
    /// <exception cref="UriFormatException"><paramref name="requestUri"/> is not a valid URI.</exception>
    public HttpRequestMessage ToHttpRequestMessage(string requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        return ToHttpRequestMessage(new Uri(requestUri, UriKind.RelativeOrAbsolute));
    }

    /// <summary>Creates the POST request the vendor would send. A request can be sent once; call this for each send.</summary>
    /// <param name="requestUri">The endpoint: absolute, or relative to the client's base address.</param>
    /// <returns>A new request with the body, <c>Content-Type: application/json</c> and every header of the delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestUri"/> is <see langword="null"/>.</exception>
    public HttpRequestMessage ToHttpRequestMessage(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = CreateContent() };
        foreach (var header in Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }

    /// <summary>
    /// Creates the body as content for <c>HttpClient.PostAsync(uri, content)</c>, with <c>Content-Type:
    /// application/json</c> and the vendor's custom headers (signature, <c>X-Boooply-*</c>, <c>x-classet-key</c>).
    /// <c>Authorization</c> is a request header that content cannot carry: use <see cref="ToHttpRequestMessage(string)"/>
    /// when the receiver checks Boooply's bearer token.
    /// </summary>
    /// <returns>New content; content can be sent once.</returns>
    public HttpContent ToHttpContent()
    {
        var content = CreateContent();
        foreach (var header in Headers)
        {
            if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return content;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Vendor} test delivery: {Body.Length} bytes; headers {string.Join(", ", Headers.Select(h => h.Key))} (values not shown)";

    private ByteArrayContent CreateContent()
    {
        var content = new ByteArrayContent(Body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return content;
    }
}
