using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>Quick start 1: verify and parse with the core package only (no DI, no ASP.NET Core).</summary>
public static class DirectQuickStart
{
    /// <summary>Handles one Boooply delivery.</summary>
    /// <param name="body">The raw request body bytes.</param>
    /// <param name="signatureHeader">The <c>X-Boooply-Signature</c> header.</param>
    /// <param name="secret">The webhook secret, <c>whsec_</c> prefix included.</param>
    /// <returns>The HTTP status to answer.</returns>
    public static int Handle(byte[] body, string? signatureHeader, string secret)
    {
        // README quick start 1 begins
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { secret } }); // build once, reuse
        var result = verifier.Verify(body, signatureHeader);      // body = the raw request bytes, never a re-serialized string
        if (!result.IsVerified) return 401;                       // result.Status says why (MissingSignature, SignatureMismatch, ...)
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(result.GetSignedBody(body).Span); // throws WebhookPayloadException if malformed
        switch (webhookEvent)
        {
            case BoooplyEvaluationEvent e: Console.WriteLine($"{e.Data.CandidateName}: {e.Data.Recommendation} ({e.Data.Scores?.Overall})"); break;
            case BoooplyUnknownEvent u: Console.WriteLine($"newer event {u.EventType}, raw JSON kept"); break;
        }
        // README quick start 1 ends
        return 200;
    }
}
