namespace Classet.Boooply.Webhooks;

/// <summary>The vendor names used in <see cref="WebhookDeliveryContext.Vendor"/>, logs, metrics and traces.</summary>
public static class WebhookVendorNames
{
    /// <summary>Classet (AI phone screening).</summary>
    public const string Classet = "classet";

    /// <summary>Boooply (AI video interviews).</summary>
    public const string Boooply = "boooply";
}
