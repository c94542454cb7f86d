using System.Reflection;
using System.Runtime.Versioning;
using Classet.Boooply.Webhooks.AspNetCore;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.DependencyInjection;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// Each test leg really runs what it claims: the runtime of the framework it targets (the net8.0 leg must not roll
/// forward onto .NET 10) and that framework's build of every library, as a package consumer on it would get.
/// </summary>
public sealed class ShippedFrameworkTests
{
    private static readonly FrameworkName TargetFramework =
        new(typeof(ShippedFrameworkTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

    [Fact]
    public void Runtime_IsTheOneThisLegTargets()
    {
        Environment.Version.Major.Should().Be(TargetFramework.Version.Major, "the runtime is {0}", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    [Theory]
    [InlineData(typeof(BoooplyWebhookVerifier))]
    [InlineData(typeof(BoooplyWebhooksBuilder))]
    [InlineData(typeof(WebhookTelemetry))]
    [InlineData(typeof(Microsoft.AspNetCore.Builder.BoooplyWebhookEndpointRouteBuilderExtensions))]
    public void Library_IsItsBuildForThisLegsFramework(Type typeFromLibrary)
    {
        var library = typeFromLibrary.Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        new FrameworkName(library).Should().Be(TargetFramework, "{0} is the build a consumer on {1} gets", typeFromLibrary.Assembly.GetName().Name, TargetFramework);
    }
}
