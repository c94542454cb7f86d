using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

public sealed class BoooplyWebhookServiceCollectionExtensionsTests
{
    private const string Secret = "whsec_test_secret_value_1234567890";

    private static ServiceProvider Build(Action<IServiceCollection> configure, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        }

        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static void ValidateOnStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void AddBoooplyWebhooks_NoArgument_BindsWebhooksBoooplySectionOfRegisteredConfiguration()
    {
        using var provider = Build(
            services => services.AddBoooplyWebhooks(),
            new Dictionary<string, string?>
            {
                ["Webhooks:Boooply:SigningSecrets:0"] = Secret,
                ["Webhooks:Boooply:RequireBearerToken"] = "true",
                ["Webhooks:Boooply:MaxEventAge"] = "00:10:00",
                ["Webhooks:Boooply:HandlerTimeout"] = "00:00:20",
                ["Webhooks:Boooply:MaxRequestBodySize"] = "1000",
            });

        ValidateOnStart(provider);
        var options = provider.GetRequiredService<IOptionsMonitor<BoooplyWebhookOptions>>().CurrentValue;
        options.SigningSecrets.Should().Equal(Secret);
        options.RequireBearerToken.Should().BeTrue();
        options.MaxEventAge.Should().Be(TimeSpan.FromMinutes(10));
        options.HandlerTimeout.Should().Be(TimeSpan.FromSeconds(20));
        options.MaxRequestBodySize.Should().Be(1000);
    }

    [Fact]
    public void AddBoooplyWebhooks_DelegateWithoutConfiguration_UsesDelegate()
    {
        using var provider = Build(services => services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)));
        ValidateOnStart(provider);
        provider.GetRequiredService<IOptions<BoooplyWebhookOptions>>().Value.SigningSecrets.Should().Equal(Secret);
    }

    [Fact]
    public void AddBoooplyWebhooks_ConfigurationSection_BindsThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:A:Boooply:SigningSecrets:0"] = Secret,
        }).Build();
        using var provider = Build(services => services.AddBoooplyWebhooks(configuration.GetSection("Tenants:A:Boooply")));
        ValidateOnStart(provider);
        provider.GetRequiredService<IOptions<BoooplyWebhookOptions>>().Value.SigningSecrets.Should().Equal(Secret);
    }

    [Fact]
    public void AddBoooplyWebhooks_ConfigurationSectionWithoutSecret_MessageNamesThatSectionsKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:A:Boooply:RequireBearerToken"] = "true",
        }).Build();
        using var provider = Build(services => services.AddBoooplyWebhooks(configuration.GetSection("Tenants:A:Boooply")));
        var act = () => ValidateOnStart(provider);
        act.Should().Throw<OptionsValidationException>().WithMessage("*Tenants:A:Boooply:SigningSecrets:0*");
    }

    [Fact]
    public void ValidateOnStart_NoSecret_FailsNamingTheKey()
    {
        using var provider = Build(services => services.AddBoooplyWebhooks());
        var act = () => ValidateOnStart(provider);
        act.Should().Throw<OptionsValidationException>().WithMessage("*Webhooks:Boooply:SigningSecrets:0*");
    }

    [Fact]
    public void ValidateOnStart_EmptySecretBesideRealOne_FailsNamingIndexWithoutAnyValue()
    {
        using var provider = Build(
            services => services.AddBoooplyWebhooks(),
            new Dictionary<string, string?>
            {
                ["Webhooks:Boooply:SigningSecrets:0"] = Secret,
                ["Webhooks:Boooply:SigningSecrets:1"] = "   ",
            });
        var act = () => ValidateOnStart(provider);
        var exception = act.Should().Throw<OptionsValidationException>().Which;
        exception.Message.Should().Contain("Webhooks:Boooply:SigningSecrets:1").And.NotContain(Secret);
        exception.Failures.Should().NotContain(failure => failure.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MaxRequestBodySize", "0")]
    [InlineData("MaxRequestBodySize", "-5")]
    [InlineData("HandlerTimeout", "00:00:00")]
    [InlineData("HandlerTimeout", "-00:00:01")]
    [InlineData("HandlerTimeout", "30.00:00:00")]
    [InlineData("MaxEventAge", "00:00:00")]
    public void ValidateOnStart_NonPositiveLimit_FailsNamingTheKey(string option, string value)
    {
        using var provider = Build(
            services => services.AddBoooplyWebhooks(),
            new Dictionary<string, string?>
            {
                ["Webhooks:Boooply:SigningSecrets:0"] = Secret,
                [$"Webhooks:Boooply:{option}"] = value,
            });
        var act = () => ValidateOnStart(provider);
        act.Should().Throw<OptionsValidationException>().WithMessage($"*Webhooks:Boooply:{option}*").Which.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void AddBoooplyWebhooks_CalledTwice_RegistersCoreServicesOnce()
    {
        var services = new ServiceCollection();
        services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret));
        var countAfterFirst = services.Count(descriptor => descriptor.ServiceType != typeof(IConfigureOptions<BoooplyWebhookOptions>));
        services.AddBoooplyWebhooks();

        services.Where(descriptor => descriptor.ServiceType != typeof(IConfigureOptions<BoooplyWebhookOptions>)).Should().HaveCount(countAfterFirst);
        services.Count(descriptor => descriptor.ServiceType == typeof(IValidateOptions<BoooplyWebhookOptions>)).Should().Be(1);
        services.Count(descriptor => descriptor.ServiceType == typeof(WebhookVerifierProvider<BoooplyWebhookOptions, BoooplyWebhookVerifier>)).Should().Be(1);
    }

    [Fact]
    public void AddHandler_SameHandlerTwice_RegisteredOnce()
    {
        var services = new ServiceCollection();
        services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)).AddHandler<BoooplyWebhookEvent, FirstBoooplyHandler>();
        services.AddBoooplyWebhooks().AddHandler<BoooplyWebhookEvent, FirstBoooplyHandler>();
        Func<BoooplyWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> handler = static (_, _, _) => Task.CompletedTask;
        services.AddBoooplyWebhooks().AddHandler(handler).AddHandler(handler);
        services.AddBoooplyWebhooks().AddDeadLetterHandler<DeadLetterSink>().AddDeadLetterHandler<DeadLetterSink>();

        services.Count(descriptor => descriptor.ServiceType == typeof(WebhookHandlerRegistration<BoooplyWebhookEvent>)).Should().Be(2);
        services.Count(descriptor => descriptor.ServiceType == typeof(FirstBoooplyHandler)).Should().Be(1);
        services.Count(descriptor => descriptor.ServiceType == typeof(WebhookDeadLetterRegistration<BoooplyWebhookEvent>)).Should().Be(1);
    }

    [Fact]
    public void AddHandler_TypedHandler_RegisteredScopedUnlessAppRegisteredIt()
    {
        var services = new ServiceCollection();
        services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)).AddHandler<BoooplyWebhookEvent, FirstBoooplyHandler>();
        services.Single(descriptor => descriptor.ServiceType == typeof(FirstBoooplyHandler)).Lifetime.Should().Be(ServiceLifetime.Scoped);

        var own = new ServiceCollection();
        own.AddSingleton<FirstBoooplyHandler>();
        own.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)).AddHandler<BoooplyWebhookEvent, FirstBoooplyHandler>();
        own.Single(descriptor => descriptor.ServiceType == typeof(FirstBoooplyHandler)).Lifetime.Should().Be(ServiceLifetime.Singleton);
    }

    [Fact]
    public async Task Registry_HandlersForEvent_InRegistrationOrderAndMatchedByAssignability()
    {
        var order = new List<string>();
        using var provider = Build(services => services
            .AddSingleton<RecordingLog>()
            .AddScoped<ScopedDependency>()
            .AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret))
            .AddHandler<BoooplyUnknownEvent, SecondBoooplyHandler>()
            .AddHandler<BoooplyWebhookEvent>((_, _, _) => { order.Add("delegate"); return Task.CompletedTask; })
            .AddHandler<BoooplyWebhookEvent, FirstBoooplyHandler>());

        var registry = provider.GetRequiredService<WebhookHandlerRegistry<BoooplyWebhookEvent>>();
        var handlers = registry.GetHandlers(TestEvents.Boooply());
        handlers.Select(handler => handler.EventType).Should().Equal(typeof(BoooplyUnknownEvent), typeof(BoooplyWebhookEvent), typeof(BoooplyWebhookEvent));

        await using var scope = provider.CreateAsyncScope();
        var context = new WebhookDeliveryContext("boooply", "interview.future", "M-1:interview.future", WebhookVerificationMethod.RawBody, DateTimeOffset.UnixEpoch, scope.ServiceProvider);
        foreach (var handler in handlers)
        {
            await handler.Invoke(scope.ServiceProvider, TestEvents.Boooply(), context, default);
        }

        var log = provider.GetRequiredService<RecordingLog>().Entries;
        log.Should().HaveCount(2);
        log[0].Should().StartWith("second:M-1:");
        log[1].Should().StartWith("first:M-1:");
        log[0].Split(':')[2].Should().Be(log[1].Split(':')[2], "both handlers share the delivery scope's ScopedDependency");
        order.Should().Equal("delegate");
    }

    [Fact]
    public void VerifierProvider_SameOptionsInstance_ReusesVerifier_ReloadRebuildsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Boooply:SigningSecrets:0"] = Secret,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBoooplyWebhooks();
        using var provider = services.BuildServiceProvider();
        var verifiers = provider.GetRequiredService<WebhookVerifierProvider<BoooplyWebhookOptions, BoooplyWebhookVerifier>>();

        var first = verifiers.GetCurrent();
        verifiers.GetCurrent().Verifier.Should().BeSameAs(first.Verifier);

        configuration["Webhooks:Boooply:SigningSecrets:0"] = "whsec_rotated";
        configuration.Reload();

        var second = verifiers.GetCurrent();
        second.Verifier.Should().NotBeSameAs(first.Verifier);
        second.Options.SigningSecrets.Should().Equal("whsec_rotated");
        var body = "{}"u8.ToArray();
        second.Verifier.Verify(body, BoooplyWebhookSigner.Sign(body, "whsec_rotated")).IsVerified.Should().BeTrue();
        second.Verifier.Verify(body, BoooplyWebhookSigner.Sign(body, Secret)).IsVerified.Should().BeFalse();
    }

    [Fact]
    public void AddDeduplication_InMemory_RegistersStore_RemoveDeduplicationTurnsItOff()
    {
        var services = new ServiceCollection();
        var builder = services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)).AddDeduplication(options => options.Capacity = 10);
        using (var provider = services.BuildServiceProvider())
        {
            var registration = provider.GetRequiredService<WebhookDeduplicationRegistration<BoooplyWebhookEvent>>();
            registration.StoreFactory(provider).Should().BeOfType<InMemoryWebhookDeduplicationStore>();
        }

        builder.RemoveDeduplication();
        using var without = services.BuildServiceProvider();
        without.GetService<WebhookDeduplicationRegistration<BoooplyWebhookEvent>>().Should().BeNull();
    }

    [Fact]
    public void AddDeduplication_CustomStore_UsedInsteadOfInMemory()
    {
        var services = new ServiceCollection();
        services.AddBoooplyWebhooks(options => options.SigningSecrets.Add(Secret)).AddDeduplication().AddDeduplication<CustomStore>();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<WebhookDeduplicationRegistration<BoooplyWebhookEvent>>().StoreFactory(provider).Should().BeOfType<CustomStore>();
    }

    private sealed class CustomStore : IWebhookDeduplicationStore
    {
        public ValueTask<WebhookDeduplicationClaim> TryClaimAsync(string deliveryKey, CancellationToken cancellationToken) =>
            new(WebhookDeduplicationClaim.Claimed(deliveryKey, Guid.NewGuid()));

        public ValueTask<bool> CompleteAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken) => new(true);

        public ValueTask<bool> ReleaseAsync(WebhookDeduplicationClaim claim, CancellationToken cancellationToken) => new(true);
    }
}
