using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

internal sealed record SignedDelivery(string Body, string Signature);

/// <summary>
/// Signs deliveries with Node's crypto exactly as the vendors' own snippets do:
/// Classet <c>createHmac('sha256', secret).update(JSON.stringify(payload)).digest('base64url')</c>,
/// Boooply the same with <c>.digest('hex')</c>. The body sent is <c>JSON.stringify(payload)</c>.
/// Node is a hard requirement: without it these tests fail, they never skip.
/// </summary>
internal static class NodeSigner
{
    private const string Script = """
        const crypto = require('crypto');
        let input = '';
        process.stdin.on('data', chunk => input += chunk);
        process.stdin.on('end', () => {
          const out = JSON.parse(input).map(({ vendor, payload, secret }) => {
            const body = JSON.stringify(payload);
            const signature = crypto.createHmac('sha256', secret).update(JSON.stringify(payload))
              .digest(vendor === 'classet' ? 'base64url' : 'hex');
            return { body, signature };
          });
          process.stdout.write(JSON.stringify(out));
        });
        """;

    public static async Task<IReadOnlyList<SignedDelivery>> SignAsync(string vendor, string secret, IEnumerable<JsonNode> payloads)
    {
        var input = new JsonArray([.. payloads.Select(payload => (JsonNode)new JsonObject
        {
            ["vendor"] = vendor,
            ["secret"] = secret,
            ["payload"] = payload.DeepClone(),
        })]);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "The end-to-end tests sign deliveries with Node.js exactly as the vendors do, and 'node' was not found on PATH. Install Node.js 18+.",
                exception);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.StandardInput.WriteAsync(input.ToJsonString());
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.Should().Be(0, "node failed: {0}", await error);
            var results = JsonNode.Parse(await output)!.AsArray();
            return [.. results.Select(item => new SignedDelivery(item!["body"]!.GetValue<string>(), item["signature"]!.GetValue<string>()))];
        }
    }

    public static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions())!;
}
