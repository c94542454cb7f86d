using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.Options;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Fails startup (through ValidateOnStart) on a Classet configuration that could accept forgeries or never verify.</summary>
internal sealed class ClassetWebhookOptionsValidator : IValidateOptions<ClassetWebhookOptions>
{
    private readonly string _path;

    public ClassetWebhookOptionsValidator(string path)
    {
        _path = path;
    }

    public ValidateOptionsResult Validate(string? name, ClassetWebhookOptions options)
    {
        var failures = new List<string>();
        var secrets = WebhookOptionsValidation.ValidateSecretList(options.SigningSecrets, $"{_path}:{nameof(ClassetWebhookOptions.SigningSecrets)}", failures);
        var keys = WebhookOptionsValidation.ValidateSecretList(options.LegacyApiKeys, $"{_path}:{nameof(ClassetWebhookOptions.LegacyApiKeys)}", failures);
        if (secrets == 0 && keys == 0 && failures.Count == 0)
        {
            failures.Add(
                $"No Classet credential is configured: set {_path}:{nameof(ClassetWebhookOptions.SigningSecrets)}:0 (recommended) " +
                $"or, for deliveries without signatures, {_path}:{nameof(ClassetWebhookOptions.LegacyApiKeys)}:0.");
        }

        WebhookOptionsValidation.ValidateLimits(options, _path, failures);
        if (failures.Count == 0)
        {
            WebhookOptionsValidation.ValidateVerifierConstruction(() => _ = new ClassetWebhookVerifier(options), _path, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
