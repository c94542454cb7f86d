using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// Signals option changes when the configuration (if one is registered) reloads. Unlike BindConfiguration's source it
/// tolerates a container without <see cref="IConfiguration"/>, where the options come from code only.
/// </summary>
internal sealed class OptionalConfigurationChangeTokenSource<TOptions> : IOptionsChangeTokenSource<TOptions>
{
    private readonly IConfiguration? _configuration;

    public OptionalConfigurationChangeTokenSource(IConfiguration? configuration)
    {
        _configuration = configuration;
    }

    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => _configuration?.GetReloadToken() ?? NeverChangeToken.Instance;

    private sealed class NeverChangeToken : IChangeToken
    {
        public static readonly NeverChangeToken Instance = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => EmptyDisposable.Instance;
    }

    private sealed class EmptyDisposable : IDisposable
    {
        public static readonly EmptyDisposable Instance = new();

        public void Dispose()
        {
        }
    }
}
