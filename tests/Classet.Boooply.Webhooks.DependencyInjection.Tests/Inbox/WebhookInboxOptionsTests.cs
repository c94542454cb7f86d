using Classet.Boooply.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests.Inbox;

public sealed class WebhookInboxOptionsTests
{
    private static WebhookInboxOptions Resolve(Action<WebhookInboxOptions>? configure = null, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        }

        services.AddWebhookInbox(configure);
        return services.BuildServiceProvider().GetRequiredService<IOptions<WebhookInboxOptions>>().Value;
    }

    [Fact]
    public void Defaults_AreValid_AndUseTheDefaultRetrySchedule()
    {
        var options = Resolve();

        options.MaxAttempts.Should().Be(8);
        options.RetryDelays.Should().BeEmpty();
        options.GetEffectiveRetryDelays().Should().Equal(WebhookInboxOptions.DefaultRetryDelays);
        options.LeaseDuration.Should().Be(TimeSpan.FromMinutes(1));
        options.HandlerTimeout.Should().Be(TimeSpan.FromMinutes(5));
        options.RetainCompletedFor.Should().Be(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Configuration_BindsWebhooksInbox_IncludingTheRetryDelayList()
    {
        var options = Resolve(configuration: new Dictionary<string, string?>
        {
            ["Webhooks:Inbox:MaxAttempts"] = "4",
            ["Webhooks:Inbox:RetryDelays:0"] = "00:00:05",
            ["Webhooks:Inbox:RetryDelays:1"] = "00:01:00",
            ["Webhooks:Inbox:MaxConcurrency"] = "2",
            ["Webhooks:Inbox:LeaseDuration"] = "00:00:45",
        });

        options.MaxAttempts.Should().Be(4);
        options.RetryDelays.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        options.GetEffectiveRetryDelays().Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        options.MaxConcurrency.Should().Be(2);
        options.LeaseDuration.Should().Be(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void CodeConfiguration_RunsAfterBinding()
    {
        var options = Resolve(o => o.MaxAttempts = 9, new Dictionary<string, string?> { ["Webhooks:Inbox:MaxAttempts"] = "4" });

        options.MaxAttempts.Should().Be(9);
    }

    [Theory]
    [InlineData("MaxAttempts", "0")]
    [InlineData("MaxAttempts", "1001")]
    [InlineData("MaxConcurrency", "0")]
    [InlineData("RetryJitter", "1.5")]
    [InlineData("LeaseDuration", "00:00:00.5")]
    [InlineData("PollInterval", "00:00:00")]
    [InlineData("HandlerTimeout", "-00:00:01")]
    [InlineData("RetainCompletedFor", "-00:00:01")]
    [InlineData("ShutdownGracePeriod", "-00:00:01")]
    [InlineData("PurgeBatchSize", "0")]
    [InlineData("HealthDegradedAfter", "00:00:00")]
    [InlineData("RetryDelays:0", "-00:00:01")]
    public void InvalidSetting_FailsValidationNamingTheKey(string key, string value)
    {
        var act = () => Resolve(configuration: new Dictionary<string, string?> { ["Webhooks:Inbox:" + key] = value });

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:Inbox:" + key);
    }

    [Fact]
    public void AddWebhookInbox_Twice_RegistersOneDispatcher()
    {
        var services = new ServiceCollection();
        services.AddWebhookInbox();
        services.AddWebhookInbox(options => options.MaxAttempts = 3);

        services.Count(descriptor => descriptor.ServiceType == typeof(IHostedService)).Should().Be(1);
        services.BuildServiceProvider().GetRequiredService<IOptions<WebhookInboxOptions>>().Value.MaxAttempts.Should().Be(3);
    }

    [Fact]
    public void AddWebhookInbox_FromASection_NamesItsPathInMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:A:Inbox:MaxAttempts"] = "0" }).Build();
        var services = new ServiceCollection();
        services.AddWebhookInbox(configuration.GetSection("Tenants:A:Inbox"));

        var act = () => services.BuildServiceProvider().GetRequiredService<IOptions<WebhookInboxOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Tenants:A:Inbox:MaxAttempts");
    }
}
