using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Samples.VerifyFile;

/// <summary>
/// Verifies and parses one webhook delivery saved to a file: the core package alone, no DI, no ASP.NET Core.
/// </summary>
public static class VerifyFileCommand
{
    /// <summary>Exit code: the delivery verified and parsed.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: the signature did not verify.</summary>
    public const int ExitNotVerified = 1;

    /// <summary>Exit code: the command line was wrong.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code: the delivery verified but its body is not a valid payload.</summary>
    public const int ExitInvalidPayload = 3;

    private const string Usage = """
        Verifies a webhook delivery saved to a file, then parses it into a typed event.

        Usage:
          verifyfile classet <body-file> <x-classet-webhook-signature> --secret <secret> [options]
          verifyfile boooply <body-file> <X-Boooply-Signature> --secret <whsec_...> [options]

        Options:
          --secret <secret>   a signing secret; repeat it to accept several (rotation).
                              Default: $CLASSET_WEBHOOK_SECRET or $BOOOPLY_WEBHOOK_SECRET
          --canonical         also accept a signature over the body re-serialized as the vendor's reference receivers
                              do (AllowCanonicalJsonSignatures), for bodies reformatted by a proxy

        Save the body as the exact bytes received (e.g. curl --data-binary, or your server's raw-body log), not as
        text re-typed or pretty-printed: the signature covers the exact bytes.

        Exit code: 0 verified and parsed, 1 not verified, 2 bad command line, 3 verified but not a valid payload.
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where usage errors go.</param>
    /// <returns>One of the <c>Exit*</c> codes.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return ExitOk;
        }

        var positional = new List<string>();
        var secrets = new List<string>();
        var canonical = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--secret" when i + 1 < args.Length: secrets.Add(args[++i]); break;
                case "--canonical": canonical = true; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error.WriteLine($"error: unknown or incomplete option '{option}'. Run with --help for usage.");
                    return ExitUsage;
                default: positional.Add(args[i]); break;
            }
        }

        if (positional.Count != 3 || positional[0] is not ("classet" or "boooply"))
        {
            error.WriteLine("error: expected <classet|boooply> <body-file> <signature>. Run with --help for usage.");
            return ExitUsage;
        }

        var (vendor, bodyFile, signature) = (positional[0], positional[1], positional[2]);
        if (secrets.Count == 0
            && Environment.GetEnvironmentVariable(vendor == "boooply" ? "BOOOPLY_WEBHOOK_SECRET" : "CLASSET_WEBHOOK_SECRET") is { Length: > 0 } fromEnvironment)
        {
            secrets.Add(fromEnvironment);
        }

        if (secrets.Count == 0)
        {
            error.WriteLine("error: --secret is required. Run with --help for usage.");
            return ExitUsage;
        }

        byte[] body;
        try
        {
            // The raw bytes: reading the file as text and re-encoding it could change what was signed.
            body = File.ReadAllBytes(bodyFile);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read '{bodyFile}': {exception.Message}");
            return ExitUsage;
        }

        try
        {
            return vendor == "boooply"
                ? VerifyBoooply(body, signature, secrets, canonical, output)
                : VerifyClasset(body, signature, secrets, canonical, output);
        }
        catch (ArgumentException exception)
        {
            // The verifiers reject empty secrets; their messages name the option, never the value.
            error.WriteLine($"error: {exception.Message}");
            return ExitUsage;
        }
    }

    private static int VerifyBoooply(byte[] body, string signature, List<string> secrets, bool canonical, TextWriter output)
    {
        var options = new BoooplyWebhookOptions { AllowCanonicalJsonSignatures = canonical };
        foreach (var secret in secrets)
        {
            options.SigningSecrets.Add(secret);
        }

        var verifier = new BoooplyWebhookVerifier(options);
        var result = verifier.Verify(body, signature);
        output.WriteLine($"Verification: {result}");
        if (!result.IsVerified)
        {
            SignatureMismatchHints.Write(body, secrets, boooply: true, output);
            return ExitNotVerified;
        }

        // Parse what was signed: the raw body, or its canonical form when that is what verified.
        if (!BoooplyWebhookSerializer.TryDeserialize(result.GetSignedBody(body).Span, out var webhookEvent, out var problem))
        {
            output.WriteLine($"Verified, but not a valid Boooply payload: {problem.Message}");
            return ExitInvalidPayload;
        }

        EventDescriptions.Write(webhookEvent, output);
        return ExitOk;
    }

    private static int VerifyClasset(byte[] body, string signature, List<string> secrets, bool canonical, TextWriter output)
    {
        var options = new ClassetWebhookOptions { AllowCanonicalJsonSignatures = canonical };
        foreach (var secret in secrets)
        {
            options.SigningSecrets.Add(secret);
        }

        var verifier = new ClassetWebhookVerifier(options);
        var result = verifier.Verify(body, signature);
        output.WriteLine($"Verification: {result}");
        if (!result.IsVerified)
        {
            SignatureMismatchHints.Write(body, secrets, boooply: false, output);
            return ExitNotVerified;
        }

        if (!ClassetWebhookSerializer.TryDeserialize(result.GetSignedBody(body).Span, out var webhookEvent, out var problem))
        {
            output.WriteLine($"Verified, but not a valid Classet payload: {problem.Message}");
            return ExitInvalidPayload;
        }

        EventDescriptions.Write(webhookEvent, output);
        return ExitOk;
    }
}
