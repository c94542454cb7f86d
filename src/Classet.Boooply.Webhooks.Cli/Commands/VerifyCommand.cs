using System.Security.Cryptography;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Cli.CommandLine;

namespace Classet.Boooply.Webhooks.Cli.Commands;

/// <summary>
/// <c>verify</c>: whether a captured delivery verifies, and if not, why. It uses the core package alone (verifiers,
/// serializers, <see cref="WebhookJsonDiagnostics"/>), as any host without DI or ASP.NET Core would.
/// </summary>
internal static class VerifyCommand
{
    public static CliCommand Definition { get; } = new(
        "verify",
        "say whether a captured delivery verifies, and if not, why",
        "--vendor <classet|boooply> --secret <secret> --signature <header value> <body-file>",
        """
        Save the body as the exact bytes received (curl --data-binary, your server's raw-body log), not re-typed or
        pretty-printed: the signature covers the exact bytes. On a mismatch it checks the usual causes by verifying
        variants: a reformatted body (the canonical JSON forms), a trailing line break or byte order mark, Boooply's
        whsec_ prefix missing or stripped, the other vendor's scheme.
        """,
        [
            new("--vendor", "classet|boooply", "the vendor that sent it (required)"),
            new("--secret", "secret", "a signing secret; repeat it to accept several (rotation). Default $CLASSET_WEBHOOK_SECRET / $BOOOPLY_WEBHOOK_SECRET", Repeatable: true),
            new("--signature", "value", "the x-classet-webhook-signature or X-Boooply-Signature header value (required)"),
            new("--canonical", null, "also accept the canonical JSON forms, as AllowCanonicalJsonSignatures does"),
        ],
        MinArguments: 1,
        MaxArguments: 1,
        RunAsync);

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        var vendor = DeliveryArguments.ParseVendor(invocation.Value("--vendor") ?? throw new CliUsageException("--vendor is required (classet or boooply)."));
        var signature = invocation.Value("--signature") ?? throw new CliUsageException("--signature is required: the signature header's value.");
        var secrets = invocation.Values("--secret").ToList();
        if (secrets.Count == 0
            && Environment.GetEnvironmentVariable(vendor == WebhookVendorNames.Boooply ? "BOOOPLY_WEBHOOK_SECRET" : "CLASSET_WEBHOOK_SECRET") is { Length: > 0 } fromEnvironment)
        {
            secrets.Add(fromEnvironment);
        }

        if (secrets.Count == 0 || secrets.Exists(string.IsNullOrWhiteSpace))
        {
            throw new CliUsageException("--secret is required, and may not be empty (or set the vendor's secret variable).");
        }

        // The raw bytes: reading the file as text and encoding it again could change what was signed.
        var body = await DeliveryArguments.ReadFileAsync(invocation.Arguments[0], "body", invocation.CancellationToken).ConfigureAwait(false);
        var canonical = invocation.Has("--canonical");
        var result = VerifyDiagnosis.Verify(vendor, body, signature, secrets, canonical);
        var compact = WebhookJsonDiagnostics.IsCompactCanonicalJson(body);

        string? eventType = null, deliveryKey = null, payloadProblem = null;
        List<VerifyFinding> findings = [];
        if (result.IsVerified)
        {
            // Parse what was signed, as the endpoint does: the canonical form when only that verified.
            var signed = result.GetSignedBody(body).Span;
            (eventType, deliveryKey, payloadProblem) = vendor == WebhookVendorNames.Boooply ? ParseBoooply(signed) : ParseClasset(signed);
        }
        else
        {
            findings = VerifyDiagnosis.Diagnose(vendor, body, signature, secrets, canonical);
        }

        var success = result.IsVerified && payloadProblem is null;
        if (invocation.Json)
        {
            using var json = new CliJson(Definition.Name);
            var writer = json.Writer;
            writer.WriteString("vendor", vendor);
            writer.WriteNumber("bytes", body.Length);
            writer.WriteBoolean("compactJson", compact);
            writer.WriteBoolean("verified", result.IsVerified);
            writer.WriteString("status", result.Status.ToString());
            writer.WriteString("method", result.Method.ToString());
            writer.WriteNumber("secretIndex", result.SecretIndex);
            writer.WriteString("eventType", eventType);
            writer.WriteString("deliveryKey", deliveryKey);
            writer.WriteString("payloadError", payloadProblem);
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteString("code", finding.Code);
                writer.WriteBoolean("certain", finding.Certain);
                writer.WriteString("message", finding.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("accepted", success);
            await json.FlushToAsync(invocation.Output).ConfigureAwait(false);
        }
        else
        {
            var output = invocation.Output;
            await output.WriteLineAsync($"Vendor:        {vendor}").ConfigureAwait(false);
            await output.WriteLineAsync($"Body:          {body.Length} bytes; compact JSON as the vendors send it: {(compact ? "yes" : "no")}").ConfigureAwait(false);
            await output.WriteLineAsync($"Verification:  {result}").ConfigureAwait(false);
            if (result.IsVerified)
            {
                await output.WriteLineAsync(payloadProblem is null
                    ? $"Event:         {(eventType!.Length == 0 ? "(no event type)" : eventType)}, delivery key {deliveryKey}"
                    : $"Payload:       not a valid {vendor} payload ({payloadProblem}); the endpoint answers 400 and hands it to the dead-letter handlers").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync("Why:").ConfigureAwait(false);
                foreach (var finding in findings)
                {
                    await output.WriteLineAsync($"  - {(finding.Certain ? "Found: " : "Possibly: ")}{finding.Message}").ConfigureAwait(false);
                }
            }
        }

        return success ? CliExitCodes.Success : CliExitCodes.Failure;
    }

    private static (string? EventType, string? DeliveryKey, string? Problem) ParseBoooply(ReadOnlySpan<byte> signed)
    {
        if (!BoooplyWebhookSerializer.TryDeserialize(signed, out var webhookEvent, out var problem))
        {
            return (null, null, problem.Message);
        }

        // As the endpoint keys it: Boooply's idempotency key, or the body's hash when there is no meeting code.
        var key = string.IsNullOrEmpty(webhookEvent.MeetingCode) ? "sha256:" + Hash(signed) : webhookEvent.IdempotencyKey;
        return (webhookEvent.EventType, key, null);
    }

    private static (string? EventType, string? DeliveryKey, string? Problem) ParseClasset(ReadOnlySpan<byte> signed) =>
        ClassetWebhookSerializer.TryDeserialize(signed, out var webhookEvent, out var problem)
            ? (webhookEvent.EventType, Hash(signed), null)
            : (null, null, problem.Message);

    private static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();
}
