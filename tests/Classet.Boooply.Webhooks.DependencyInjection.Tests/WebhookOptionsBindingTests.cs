using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>
/// <c>SigningSecrets</c> and <c>LegacyApiKeys</c> are get-only lists (CA2227), and configuration binding (the source
/// generator the DI package uses) still fills them, from JSON-style keys and from environment variables.
/// </summary>
public sealed class WebhookOptionsBindingTests
{
    [Fact]
    public void EnvironmentVariables_DoubleUnderscoreKeys_FillBothVendorsLists()
    {
        // A prefix no other test or process uses, so setting these process-wide cannot disturb anything else.
        var prefix = "CBW_BINDING_" + Guid.NewGuid().ToString("N")[..8] + "_";
        var variables = new Dictionary<string, string>
        {
            [prefix + "Webhooks__Boooply__SigningSecrets__0"] = "whsec_env_one",
            [prefix + "Webhooks__Boooply__SigningSecrets__1"] = "whsec_env_two",
            [prefix + "Webhooks__Boooply__RequireBearerToken"] = "true",
            [prefix + "Webhooks__Classet__SigningSecrets__0"] = "classet-env-secret",
            [prefix + "Webhooks__Classet__LegacyApiKeys__0"] = "classet-env-key",
            [prefix + "Webhooks__Classet__AllowApiKeyFallback"] = "true",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());
            services.AddBoooplyWebhooks();
            services.AddClassetWebhooks(options => options.SigningSecrets.Add("classet-code-secret"));
            using var provider = services.BuildServiceProvider();

            var boooply = provider.GetRequiredService<IOptionsMonitor<BoooplyWebhookOptions>>().CurrentValue;
            var classet = provider.GetRequiredService<IOptionsMonitor<ClassetWebhookOptions>>().CurrentValue;
            boooply.SigningSecrets.Should().Equal("whsec_env_one", "whsec_env_two");
            boooply.RequireBearerToken.Should().BeTrue();
            classet.SigningSecrets.Should().Equal("classet-env-secret", "classet-code-secret");
            classet.LegacyApiKeys.Should().Equal("classet-env-key");
            classet.AllowApiKeyFallback.Should().BeTrue();
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void Reload_RebuildsTheListsRatherThanAppendingToThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Boooply:SigningSecrets:0"] = "whsec_old",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBoooplyWebhooks();
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<BoooplyWebhookOptions>>();
        monitor.CurrentValue.SigningSecrets.Should().Equal("whsec_old");

        configuration["Webhooks:Boooply:SigningSecrets:0"] = "whsec_new";
        configuration.Reload();

        monitor.CurrentValue.SigningSecrets.Should().Equal("whsec_new");
    }

    [Fact]
    public void SigningSecrets_HasNoSetter_AndOptionsCannotBeSubclassedOutsideTheLibrary()
    {
        typeof(WebhookOptions).GetProperty(nameof(WebhookOptions.SigningSecrets))!.SetMethod.Should().BeNull();
        typeof(ClassetWebhookOptions).GetProperty(nameof(ClassetWebhookOptions.LegacyApiKeys))!.SetMethod.Should().BeNull();
        typeof(WebhookOptions).GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Should().OnlyContain(constructor => constructor.IsFamilyAndAssembly, "the constructor is private protected, like the event base types'");
        typeof(WebhookOptions).GetMethod("AppendMembers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .IsFamilyAndAssembly.Should().BeTrue("a protected virtual member would let any assembly derive and override it");
    }

    [Fact]
    public void ToString_ShowsCountsNotSecrets()
    {
        var options = new ClassetWebhookOptions { SigningSecrets = { "secret-one", "secret-two" }, LegacyApiKeys = { "key-one" } };

        options.ToString().Should().Contain("SigningSecrets = [2 configured, hidden]").And.Contain("LegacyApiKeys = [1 configured, hidden]")
            .And.NotContain("secret-one").And.NotContain("key-one");
    }
}
