using System.Diagnostics.CodeAnalysis;
using Classet.Boooply.Webhooks.AspNetCore.Internal;
using Classet.Boooply.Webhooks.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that receives Boooply webhooks.</summary>
/// <remarks>
/// In the <c>Microsoft.AspNetCore.Builder</c> namespace, as ASP.NET Core's own <c>MapXxx</c> extensions are, so it shows
/// up on <c>app</c> without an extra <c>using</c>.
/// </remarks>
public static class BoooplyWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint that hands Boooply deliveries to the <see cref="BoooplyWebhookReceiver"/> and answers with the
    /// status it chooses: it reads the body once from the request's <c>PipeReader</c> (up to <c>MaxRequestBodySize</c>,
    /// else 413 without reading further), verifies <c>X-Boooply-Signature</c> (and, with <c>RequireBearerToken</c>, the
    /// <c>Authorization</c> bearer token) before parsing (else 401), parses the signed bytes (else 400 and the dead-letter
    /// handlers), and runs the matching handlers in a per-delivery scope (200; 409 for a duplicate still in flight; 500 if
    /// one throws or passes <c>HandlerTimeout</c>, so Boooply retries).
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (usually the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route pattern, for example <c>/webhooks/boooply</c>.</param>
    /// <returns>The endpoint's convention builder, so <c>RequireHost</c>, rate limiting and the like compose.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>services.AddBoooplyWebhooks(...)</c> was not called.</exception>
    public static IEndpointConventionBuilder MapBoooplyWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        if (endpoints.ServiceProvider.GetService<BoooplyWebhookReceiver>() is not { } receiver)
        {
            throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'services.AddBoooplyWebhooks(...)' in the application startup code before calling 'MapBoooplyWebhooks'.");
        }

        var endpoint = new WebhookEndpoint(receiver);
        return endpoints.MapPost(pattern, endpoint.InvokeAsync).WithDisplayName("Boooply webhooks");
    }
}
