using System.Reflection;
using System.Runtime.CompilerServices;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Builder;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

public sealed class PackageBoundaryTests
{
    [Fact]
    public void ShippedAssemblies_GrantTheirInternalsToNoOtherShippedAssembly()
    {
        // Each package must work against the others' public API only, so that they can version and be replaced apart.
        Assembly[] shipped =
        [
            typeof(WebhookDeliveryContext).Assembly,
            typeof(WebhookReceiver).Assembly,
            typeof(BoooplyWebhookEndpointRouteBuilderExtensions).Assembly,
        ];
        var names = shipped.Select(assembly => assembly.GetName().Name!).ToList();

        foreach (var assembly in shipped)
        {
            assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(attribute => attribute.AssemblyName.Split(',')[0])
                .Should().NotIntersectWith(names, assembly.GetName().Name);
        }
    }
}
