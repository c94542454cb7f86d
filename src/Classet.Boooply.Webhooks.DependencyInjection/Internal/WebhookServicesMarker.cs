namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Registered by AddClassetWebhooks / AddBoooplyWebhooks, so a second call can tell that the first was made.</summary>
internal sealed class WebhookServicesMarker<TBase>
    where TBase : class
{
    public WebhookServicesMarker(string configurationPath)
    {
        ConfigurationPath = configurationPath;
    }

    /// <summary>The configuration path the options were bound from (or would be), used to name keys in messages.</summary>
    public string ConfigurationPath { get; }
}
