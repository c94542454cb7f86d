namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>Records that <c>AddWebhookInbox</c> ran, and from which configuration path its options come.</summary>
internal sealed class WebhookInboxMarker
{
    public WebhookInboxMarker(string configurationPath)
    {
        ConfigurationPath = configurationPath;
    }

    public string ConfigurationPath { get; }
}
