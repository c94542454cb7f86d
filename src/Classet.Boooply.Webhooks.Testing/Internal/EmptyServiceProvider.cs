namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>A service provider with no services, for handlers that resolve nothing.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static EmptyServiceProvider Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
