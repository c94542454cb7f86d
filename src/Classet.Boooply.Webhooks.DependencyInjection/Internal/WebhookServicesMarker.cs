namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Registered by AddClassetWebhooks / AddBoooplyWebhooks, so endpoints can tell at map time that the call was made.</summary>
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
