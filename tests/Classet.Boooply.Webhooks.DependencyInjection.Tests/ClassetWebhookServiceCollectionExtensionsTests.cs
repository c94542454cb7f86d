using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

public sealed class ClassetWebhookServiceCollectionExtensionsTests
{
    private const string Secret = "classet_signing_secret_abcdef";
    private const string ApiKey = "classet_api_key_0123456789";

    private static ServiceProvider Build(IDictionary<string, string?> configuration, Action<ClassetWebhooksBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        var builder = services.AddClassetWebhooks();
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void ValidateOnStart_NeitherSecretNorLegacyKey_FailsNamingBothKeys()
    {
        using var provider = Build(new Dictionary<string, string?>());
        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();
        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*Webhooks:Classet:SigningSecrets:0*")
            .WithMessage("*Webhooks:Classet:LegacyApiKeys:0*");
    }

    [Fact]
    public void ValidateOnStart_OnlyLegacyKey_Succeeds()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Webhooks:Classet:LegacyApiKeys:0"] = ApiKey });
        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IOptions<ClassetWebhookOptions>>().Value.LegacyApiKeys.Should().Equal(ApiKey);
    }

    [Fact]
    public void ValidateOnStart_EmptyLegacyKeyBesideSecret_FailsNamingKeyWithoutValues()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Webhooks:Classet:SigningSecrets:0"] = Secret,
            ["Webhooks:Classet:LegacyApiKeys:0"] = ApiKey,
            ["Webhooks:Classet:LegacyApiKeys:1"] = "",
        });
        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();
        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("Webhooks:Classet:LegacyApiKeys:1").And.NotContain(Secret).And.NotContain(ApiKey);
    }

    [Fact]
    public void ValidateOnStart_ValidSecretAndOptions_BindsEveryOption()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Webhooks:Classet:SigningSecrets:0"] = Secret,
            ["Webhooks:Classet:LegacyApiKeys:0"] = ApiKey,
            ["Webhooks:Classet:AllowApiKeyFallback"] = "true",
            ["Webhooks:Classet:AllowCanonicalJsonSignatures"] = "true",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<ClassetWebhookOptions>>().Value;
        options.AllowApiKeyFallback.Should().BeTrue();
        options.AllowCanonicalJsonSignatures.Should().BeTrue();
        options.SigningSecrets.Should().Equal(Secret);
    }

    [Fact]
    public void AddHandler_BaseTypeHandler_MatchesUnknownEvents()
    {
        using var provider = Build(
            new Dictionary<string, string?> { ["Webhooks:Classet:SigningSecrets:0"] = Secret },
            builder => builder.AddHandler<ClassetWebhookEvent, ClassetHandler>().AddUnknownEventHandler((_, _, _) => Task.CompletedTask));
        var handlers = provider.GetRequiredService<WebhookHandlerRegistry<ClassetWebhookEvent>>().GetHandlers(TestEvents.Classet());
        handlers.Select(handler => handler.EventType).Should().Equal(typeof(ClassetWebhookEvent), typeof(ClassetUnknownEvent));
    }

    [Fact]
    public void ClassetAndBoooply_RegisteredTogether_HaveSeparateHandlerSets()
    {
        var services = new ServiceCollection();
        services.AddClassetWebhooks(options => options.SigningSecrets.Add(Secret)).AddHandler<ClassetWebhookEvent, ClassetHandler>();
        services.AddBoooplyWebhooks(options => options.SigningSecrets.Add("whsec_x")).AddDeadLetterHandler<DeadLetterSink>();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<WebhookHandlerRegistry<ClassetWebhookEvent>>().Count.Should().Be(1);
        provider.GetRequiredService<WebhookHandlerRegistry<BoooplyWebhookEvent>>().Count.Should().Be(0);
        provider.GetServices<WebhookDeadLetterRegistration<ClassetWebhookEvent>>().Should().BeEmpty();
    }
}
