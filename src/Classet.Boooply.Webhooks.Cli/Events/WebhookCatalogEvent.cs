using Classet.Boooply.Webhooks.Testing;

namespace Classet.Boooply.Webhooks.Cli.Events;

/// <summary>One event the tool can send: a name on the command line and how to build its delivery.</summary>
/// <param name="Vendor"><see cref="WebhookVendorNames.Classet"/> or <see cref="WebhookVendorNames.Boooply"/>.</param>
/// <param name="Name">The short name used on the command line, such as <c>evaluation</c>.</param>
/// <param name="EventType">The event type on the wire, such as <c>interview.evaluation</c> (Classet's <c>call_completed</c> has no <c>event</c> property).</param>
/// <param name="Documented">Whether the vendor documents it; the others are the unknown and malformed test bodies.</param>
/// <param name="Description">What it is, for the event list.</param>
/// <param name="CreateDelivery">Builds the delivery, signed with the given secret.</param>
public sealed record WebhookCatalogEvent(
    string Vendor,
    string Name,
    string EventType,
    bool Documented,
    string Description,
    Func<string, WebhookTestDelivery> CreateDelivery)
{
    /// <summary>Gets the command-line form of this event, such as <c>boooply evaluation</c>.</summary>
    public string CommandLine => Vendor + " " + Name;

    /// <inheritdoc />
    public override string ToString() => CommandLine;
}
