using Microsoft.Extensions.Configuration;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

/// <summary>A configuration provider the test replaces wholesale and reloads, like a secret store that rotates.</summary>
internal sealed class ReloadableConfigurationSource : IConfigurationSource
{
    public ReloadableConfigurationProvider Provider { get; } = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

internal sealed class ReloadableConfigurationProvider : ConfigurationProvider
{
    public void Replace(IDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
