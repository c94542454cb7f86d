namespace Classet.Boooply.Webhooks.Samples.Simulator;

/// <summary>One documented vendor event the simulator can send, with the vendor's own example payload.</summary>
/// <param name="Vendor">The vendor that sends it.</param>
/// <param name="Name">The short name used on the command line, such as <c>evaluation</c>.</param>
/// <param name="EventType">The event type on the wire, such as <c>interview.evaluation</c> (Classet's <c>call_completed</c> has no <c>event</c> property).</param>
/// <param name="ResourceName">The embedded resource that holds the compact example body.</param>
public sealed record SimulatedEvent(WebhookVendor Vendor, string Name, string EventType, string ResourceName)
{
    /// <summary>
    /// Returns the vendor's documented example payload, compact exactly as <c>JSON.stringify</c> produces it, which is
    /// what the vendors send and sign.
    /// </summary>
    /// <returns>A fresh copy of the body bytes.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly (a build problem).</exception>
    public byte[] GetBody()
    {
        using var stream = typeof(SimulatedEvent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded payload '{ResourceName}' is missing from {typeof(SimulatedEvent).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Gets the command-line form of this event, such as <c>boooply evaluation</c>.</summary>
    public string CommandLine => $"{Vendor.ToString().ToLowerInvariant()} {Name}";
}
