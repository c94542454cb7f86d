using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// Turns a verified Classet body into a typed <see cref="ClassetWebhookEvent"/> and back. Source-generated
/// System.Text.Json only; trimming- and AOT-safe. Verify the signature before calling it.
/// </summary>
public static class ClassetWebhookSerializer
{
    /// <summary>Parses a Classet webhook body.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <returns>The typed event; <see cref="ClassetUnknownEvent"/> for an event this version does not know.</returns>
    /// <exception cref="WebhookPayloadException">The body is not a JSON object of a valid shape; the message says what and where.</exception>
    public static ClassetWebhookEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        WebhookJson.PeekTopLevelString(utf8Json, "event"u8, out var eventType, out _);
        using var document = JsonDocument.Parse(utf8Json.ToArray(), WebhookJson.DocumentOptions);
        return new ClassetUnknownEvent(eventType ?? string.Empty, document.RootElement);
    }

    /// <summary>Parses a Classet webhook body without throwing for bad input.</summary>
    /// <param name="utf8Json">The body bytes (verified first).</param>
    /// <param name="webhookEvent">The typed event when parsing succeeded.</param>
    /// <param name="error">What is wrong and where, when parsing failed.</param>
    /// <returns><see langword="true"/> when the body parsed.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out ClassetWebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookPayloadException? error)
    {
        try
        {
            webhookEvent = Deserialize(utf8Json);
            error = null;
            return true;
        }
        catch (WebhookPayloadException exception)
        {
            webhookEvent = null;
            error = exception;
            return false;
        }
    }
}
