using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;

internal static class Payloads
{
    public const string BoooplySecret = "whsec_boooply_test_secret_4f9a2b7c";
    public const string ClassetSecret = "classet_signing_secret_8d1e3f";
    public const string ClassetApiKey = "classet_legacy_api_key_5c6b";

    public static string Boooply(string meetingCode = "Boooply-AI-1234567890", string eventType = "interview.transcript", DateTimeOffset? timestamp = null)
    {
        var time = (timestamp ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $$$"""{"event":"{{{eventType}}}","data":{"meetingCode":"{{{meetingCode}}}","title":"Senior Frontend Engineer Interview","candidateName":"Jane Doe","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","transcriptCount":2,"timestamp":"{{{time}}}"}}""";
    }

    public static string Classet(string outcome = "qualified") =>
        $$$"""{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"{{{outcome}}}"}},"data":{"candidate_id":"cand_12345678","interview_completed_at":"2025-06-01T12:00:00Z","interview_sent_at":"2025-06-01T11:00:00Z","interview_outcome":"{{{outcome}}}","interview_summary":"Candidate is a fit.","interview_custom_data":null}}""";

    /// <summary>The same JSON, indented: what a reformatting proxy or logging middleware might pass on.</summary>
    public static string Pretty(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });

    public static HttpRequestMessage BoooplyRequest(string body, string? signature = "sign", string? bearer = null, string contentType = "application/json", string path = "/webhooks/boooply")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Signature, signature == "sign" ? BoooplyWebhookSigner.Sign(body, BoooplySecret) : signature);
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Authorization, bearer);
        }

        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Event, "interview.transcript");
        request.Headers.TryAddWithoutValidation(BoooplyWebhookHeaders.Platform, "custom");
        return request;
    }

    public static HttpRequestMessage ClassetRequest(string body, string? signature = "sign", string? apiKey = null, string path = "/webhooks/classet")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ClassetWebhookHeaders.Signature, signature == "sign" ? ClassetWebhookSigner.Sign(body, ClassetSecret) : signature);
        }

        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation(ClassetWebhookHeaders.ApiKey, apiKey);
        }

        return request;
    }
}
