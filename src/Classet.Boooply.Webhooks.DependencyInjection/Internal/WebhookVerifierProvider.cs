using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// Gives the current options and a verifier built from exactly that options instance. The verifier (its prepared HMAC
/// keys) is rebuilt only when <see cref="IOptionsMonitor{TOptions}"/> hands out a new instance, which happens on a
/// configuration reload, so a rotated secret applies on the next delivery without per-request key preparation.
/// </summary>
internal sealed class WebhookVerifierProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TVerifier>
    where TOptions : class
    where TVerifier : class
{
    private readonly IOptionsMonitor<TOptions> _monitor;
    private readonly Func<TOptions, TVerifier> _factory;
    private Snapshot? _current;

    public WebhookVerifierProvider(IOptionsMonitor<TOptions> monitor, Func<TOptions, TVerifier> factory)
    {
        _monitor = monitor;
        _factory = factory;
    }

    /// <exception cref="OptionsValidationException">The current configuration is invalid (for example after a bad reload).</exception>
    public Snapshot GetCurrent()
    {
        var options = _monitor.CurrentValue;
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Options, options))
        {
            return current;
        }

        // Two racing requests may both build a verifier for the same instance; both are correct, one is kept.
        current = new Snapshot(options, _factory(options));
        Volatile.Write(ref _current, current);
        return current;
    }

    internal sealed class Snapshot
    {
        public Snapshot(TOptions options, TVerifier verifier)
        {
            Options = options;
            Verifier = verifier;
        }

        public TOptions Options { get; }

        public TVerifier Verifier { get; }
    }
}
