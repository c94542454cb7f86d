using System.Text;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// Settings for receiving Classet webhooks. Bound from the <c>Webhooks:Classet</c> configuration section by
/// <c>AddClassetWebhooks</c>. <see cref="object.ToString"/> never shows a secret or key.
/// </summary>
public sealed class ClassetWebhookOptions : WebhookOptions
{
    /// <summary>The configuration section these options are bound from by default.</summary>
    public const string ConfigurationSectionName = "Webhooks:Classet";

    /// <summary>
    /// Gets the organization API keys accepted in the legacy <c>x-classet-key</c> header. Classet sends the key only
    /// when no signing secret is configured on its side. Add to the list, as with <see cref="WebhookOptions.SigningSecrets"/>.
    /// </summary>
    public IList<string> LegacyApiKeys { get; } = new List<string>();

    /// <summary>
    /// Gets or sets whether, when <see cref="WebhookOptions.SigningSecrets"/> are configured, a delivery with no signature
    /// header but a valid <c>x-classet-key</c> is still accepted. Default: <see langword="false"/>, because otherwise
    /// anyone holding the API key could bypass signing (a downgrade attack). Turn it on only while migrating.
    /// </summary>
    public bool AllowApiKeyFallback { get; set; }

    /// <inheritdoc />
    private protected override void AppendMembers(StringBuilder builder)
    {
        base.AppendMembers(builder);
        builder.Append(", LegacyApiKeys = [").Append(LegacyApiKeys.Count).Append(" configured, hidden]")
            .Append(", AllowApiKeyFallback = ").Append(AllowApiKeyFallback);
    }
}
