using System.Globalization;
using System.Text;

namespace Classet.Boooply.Webhooks;

/// <summary>
/// Settings both vendors share. The vendor classes (<c>ClassetWebhookOptions</c>, <c>BoooplyWebhookOptions</c>) add their own.
/// </summary>
/// <remarks><see cref="ToString"/> never shows a secret, only how many are configured.</remarks>
public abstract class WebhookOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 4 MiB, because interview transcripts are large.</summary>
    public const long DefaultMaxRequestBodySize = 4 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the signing secrets. A delivery signed with <em>any</em> of them verifies, so a new secret can be
    /// added before the old one is removed. Each is used exactly as written: its whole UTF-8 string is the HMAC key.
    /// </summary>
    public IList<string> SigningSecrets { get; set; } = new List<string>();

    /// <summary>
    /// Gets or sets whether a delivery whose raw-body signature does not match may still verify when the signature
    /// matches the body re-serialized as the vendor's own reference receivers re-serialize it. Default: <see langword="false"/>.
    /// Turn it on only when something between the vendor and you (a proxy, a gateway, a logging middleware)
    /// reformats JSON bodies. When it verifies a delivery, the canonical form that was signed is what gets parsed.
    /// </summary>
    public bool AllowCanonicalJsonSignatures { get; set; }

    /// <summary>
    /// Gets or sets the largest body, in bytes, the endpoint reads. A larger one is answered 413 without being read further.
    /// Default: <see cref="DefaultMaxRequestBodySize"/> (4 MiB).
    /// </summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>
    /// Gets or sets how long the handlers of one delivery may run before the delivery is answered 500, so that the
    /// vendor retries. Default: <see cref="DefaultHandlerTimeout"/> (25 seconds: Boooply asks for an answer within 30).
    /// It must be positive: there is no "no limit", because a handler that never returns would otherwise hold its
    /// request, scope and body forever.
    /// </summary>
    /// <remarks>
    /// At the timeout the handlers' <see cref="CancellationToken"/> is cancelled and the delivery is answered. A handler
    /// that ignores its token keeps running in the background: its DI scope stays alive until it returns, and with
    /// deduplication on the delivery stays claimed until then, so a vendor retry meanwhile is answered 409 rather than
    /// run beside it. If the abandoned handlers then succeed, the delivery counts as processed (a later retry is a
    /// duplicate); if they fail, the claim is released so the next retry runs them again. Without deduplication a
    /// retry runs the handlers again even while the abandoned ones still run: honour the token, or make handlers
    /// idempotent with <see cref="WebhookDeliveryContext.DeliveryKey"/>.
    /// </remarks>
    public TimeSpan HandlerTimeout { get; set; } = DefaultHandlerTimeout;

    /// <summary>Gets the default <see cref="HandlerTimeout"/>: 25 seconds, inside the 30 seconds Boooply allows for an answer.</summary>
    public static TimeSpan DefaultHandlerTimeout => TimeSpan.FromSeconds(25);

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder(GetType().Name).Append(" { ");
        AppendMembers(builder);
        return builder.Append(" }").ToString();
    }

    /// <summary>Writes the settings, with secrets shown only as a count, for <see cref="ToString"/>.</summary>
    /// <param name="builder">The builder to append to.</param>
    protected virtual void AppendMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("SigningSecrets = [").Append(SigningSecrets?.Count ?? 0).Append(" configured, hidden]")
            .Append(", AllowCanonicalJsonSignatures = ").Append(AllowCanonicalJsonSignatures)
            .Append(", MaxRequestBodySize = ").Append(MaxRequestBodySize)
            .Append(", HandlerTimeout = ").Append(HandlerTimeout.ToString("c", CultureInfo.InvariantCulture));
    }
}
