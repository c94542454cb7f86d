using System.Net;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class SecretRotationTests
{
    private const string OldSecret = "whsec_old_secret_before_rotation";
    private const string NewSecret = "whsec_new_secret_after_rotation";

    [Fact]
    public async Task Post_AfterConfigurationReload_NewSecretVerifiesAndRemovedSecretNoLonger()
    {
        var source = new ReloadableConfigurationSource();
        source.Provider.Replace(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = OldSecret });
        await using var host = await WebhookTestHost.StartAsync(
            builder =>
            {
                builder.Configuration.Sources.Add(source);
                builder.Services.AddBoooplyWebhooks().AddHandler<BoooplyWebhookEvent, RecordingBoooplyHandler>();
            },
            app => app.MapBoooplyWebhooks("/webhooks/boooply"));

        (await SendAsync(host, OldSecret)).Should().Be(HttpStatusCode.OK);
        (await SendAsync(host, NewSecret)).Should().Be(HttpStatusCode.Unauthorized);

        // Rotation step 1: both secrets are accepted while the vendor switches over.
        source.Provider.Replace(new Dictionary<string, string?>
        {
            ["Webhooks:Boooply:SigningSecrets:0"] = OldSecret,
            ["Webhooks:Boooply:SigningSecrets:1"] = NewSecret,
        });
        (await SendAsync(host, OldSecret)).Should().Be(HttpStatusCode.OK);
        (await SendAsync(host, NewSecret)).Should().Be(HttpStatusCode.OK);

        // Step 2: the old secret is removed and stops verifying, without a restart.
        source.Provider.Replace(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = NewSecret });
        (await SendAsync(host, OldSecret)).Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(host, NewSecret)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_AfterJsonFileReload_ClassetSecretRotates()
    {
        var directory = Directory.CreateTempSubdirectory("webhooks-rotation-");
        var file = Path.Combine(directory.FullName, "webhooks.json");
        await File.WriteAllTextAsync(file, "{\"Webhooks\":{\"Classet\":{\"SigningSecrets\":[\"" + OldSecret + "\"]}}}");
        try
        {
            await using var host = await WebhookTestHost.StartAsync(
                builder =>
                {
                    builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true);
                    builder.Services.AddClassetWebhooks().AddHandler<ClassetWebhookEvent, RecordingClassetHandler>();
                },
                app => app.MapClassetWebhooks("/webhooks/classet"));
            var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
            (await SendClassetAsync(host, OldSecret)).Should().Be(HttpStatusCode.OK);

            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = configuration.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);
            await File.WriteAllTextAsync(file, "{\"Webhooks\":{\"Classet\":{\"SigningSecrets\":[\"" + NewSecret + "\"]}}}");
            var watched = await Task.WhenAny(reloaded.Task, Task.Delay(TimeSpan.FromSeconds(10))) == reloaded.Task;
            if (!watched)
            {
                // Some CI file systems deliver no change events; the reload itself is what is under test.
                configuration.Reload();
            }

            (await SendClassetAsync(host, NewSecret)).Should().Be(HttpStatusCode.OK);
            (await SendClassetAsync(host, OldSecret)).Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Post_ReloadToInvalidConfiguration_Returns500UntilFixed()
    {
        var source = new ReloadableConfigurationSource();
        source.Provider.Replace(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = OldSecret });
        await using var host = await WebhookTestHost.StartAsync(
            builder =>
            {
                builder.Configuration.Sources.Add(source);
                builder.Services.AddBoooplyWebhooks();
            },
            app => app.MapBoooplyWebhooks("/webhooks/boooply"));

        // IOptionsMonitor re-creates (and so re-validates) options inside the reload callback: the framework's own
        // exception surfaces here, and the endpoint must then refuse deliveries rather than fall back.
        var reload = () => source.Provider.Replace(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = "" });
        reload.Should().Throw<Exception>();
        (await SendAsync(host, OldSecret)).Should().Be(HttpStatusCode.InternalServerError, "an invalid configuration never falls back to accepting anything");
        host.Logs.Webhook.Should().Contain(e => e.EventId.Id == 14 && e.Message.Contains("Webhooks:Boooply:SigningSecrets:0", StringComparison.Ordinal));

        source.Provider.Replace(new Dictionary<string, string?> { ["Webhooks:Boooply:SigningSecrets:0"] = NewSecret });
        (await SendAsync(host, NewSecret)).Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> SendAsync(WebhookTestHost host, string secret)
    {
        var body = Payloads.Boooply(Guid.NewGuid().ToString("N"));
        using var response = await host.Client.SendAsync(Payloads.BoooplyRequest(body, BoooplyWebhookSigner.Sign(body, secret)));
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> SendClassetAsync(WebhookTestHost host, string secret)
    {
        var body = Payloads.Classet(Guid.NewGuid().ToString("N"));
        using var response = await host.Client.SendAsync(Payloads.ClassetRequest(body, ClassetWebhookSigner.Sign(body, secret)));
        return response.StatusCode;
    }
}
