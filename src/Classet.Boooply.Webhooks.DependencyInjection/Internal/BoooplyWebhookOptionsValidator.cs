using Classet.Boooply.Webhooks.Boooply;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Fails startup (through ValidateOnStart) on a Boooply configuration that could accept forgeries or never verify.</summary>
internal sealed class BoooplyWebhookOptionsValidator : IValidateOptions<BoooplyWebhookOptions>
{
    private readonly string _path;

    public BoooplyWebhookOptionsValidator(string path)
    {
        _path = path;
    }

    public ValidateOptionsResult Validate(string? name, BoooplyWebhookOptions options)
    {
        var failures = new List<string>();
        var key = $"{_path}:{nameof(BoooplyWebhookOptions.SigningSecrets)}";
        var secrets = WebhookOptionsValidation.ValidateSecretList(options.SigningSecrets, key, failures);
        if (secrets == 0 && failures.Count == 0)
        {
            failures.Add($"No Boooply signing secret is configured: set {key}:0 to the webhook secret (whsec_..., used whole).");
        }

        WebhookOptionsValidation.ValidateLimits(options, _path, failures);
        if (options.MaxEventAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"{_path}:{nameof(BoooplyWebhookOptions.MaxEventAge)} must be positive when set (omit it to accept events of any age).");
        }

        if (failures.Count == 0)
        {
            WebhookOptionsValidation.ValidateVerifierConstruction(() => _ = new BoooplyWebhookVerifier(options), _path, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
