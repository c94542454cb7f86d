namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>The vendor whose delivery is simulated: it decides the headers, the signature and the retry policy.</summary>
public enum WebhookVendor
{
    /// <summary>Classet (AI phone screening).</summary>
    Classet = 0,

    /// <summary>Boooply (AI video interviews).</summary>
    Boooply = 1,
}
