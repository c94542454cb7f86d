using System.Text;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>
/// Settings for receiving Boooply webhooks. Bound from the <c>Webhooks:Boooply</c> configuration section by
/// <c>AddBoooplyWebhooks</c>. <see cref="object.ToString"/> never shows a secret.
/// </summary>
/// <remarks>
/// Boooply secrets look like <c>whsec_…</c>. Configure the whole string: the <c>whsec_</c> prefix is part of the
/// HMAC key (unlike Svix, nothing is stripped or base64-decoded).
/// </remarks>
public sealed class BoooplyWebhookOptions : WebhookOptions
{
    /// <summary>The configuration section these options are bound from by default.</summary>
    public const string ConfigurationSectionName = "Webhooks:Boooply";

    /// <summary>
    /// Gets or sets whether the endpoint also requires <c>Authorization: Bearer &lt;secret&gt;</c> to match one of the
    /// signing secrets, in addition to the signature. Default: <see langword="false"/>.
    /// </summary>
    public bool RequireBearerToken { get; set; }

    /// <summary>
    /// Gets or sets the oldest signed <c>data.timestamp</c> the endpoint accepts, to limit replays of captured deliveries.
    /// <see langword="null"/> (the default) turns the check off. Leave room for Boooply's retries: its page lists 5
    /// attempts with backoff 5 s → 10 s → 20 s → 40 s → 80 s but not whether the first wait precedes the first retry, so
    /// the last attempt may come about 75 s to 155 s after the first (our reading). Use 5 minutes or more (clock skew,
    /// slow handlers). The page does not say what timestamp a retry started from Boooply's dashboard carries; if it is
    /// the original one, such a retry after the window is rejected too.
    /// </summary>
    public TimeSpan? MaxEventAge { get; set; }

    /// <inheritdoc />
    private protected override void AppendMembers(StringBuilder builder)
    {
        base.AppendMembers(builder);
        builder.Append(", RequireBearerToken = ").Append(RequireBearerToken)
            .Append(", MaxEventAge = ").Append(MaxEventAge?.ToString() ?? "none");
    }
}
