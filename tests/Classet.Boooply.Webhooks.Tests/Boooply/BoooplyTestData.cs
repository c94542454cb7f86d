using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>Loads the Boooply fixtures and builds payloads for tests and the fuzzer.</summary>
internal static class BoooplyTestData
{
    public const string Transcript = "interview-transcript.json";
    public const string Evaluation = "interview-evaluation.json";
    public const string Scores = "interview-scores.json";
    public const string Recording = "interview-recording.json";

    public static readonly string[] AllFixtures = [Transcript, Evaluation, Scores, Recording];

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Boooply", name));

    public static string FixtureText(string name) => Encoding.UTF8.GetString(Fixture(name));

    /// <summary>The fixture as <c>JSON.stringify(JSON.parse(text))</c> would write it: compact, same order.</summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An <c>interview.transcript</c> body of at least <paramref name="minBytes"/> bytes, alternating AI (no endMs) and human entries.</summary>
    public static byte[] LargeTranscript(int minBytes, out int entryCount)
    {
        var builder = new StringBuilder(minBytes + 4096);
        builder.Append("""{"event":"interview.transcript","data":{"meetingCode":"Boooply-AI-1234567890","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","isTeamMeeting":false,"candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","transcript":[""");
        entryCount = 0;
        while (builder.Length < minBytes)
        {
            if (entryCount > 0)
            {
                builder.Append(',');
            }

            var start = entryCount * 3100L;
            if (entryCount % 2 == 0)
            {
                builder.Append("{\"speaker\":\"AI Interviewer\",\"text\":\"Question number ").Append(entryCount)
                    .Append(": tell me about a time you improved the performance of a React application — what did you measure?\",\"startMs\":")
                    .Append(start).Append('}');
            }
            else
            {
                builder.Append("{\"speaker\":\"Jane Doe\",\"text\":\"Answer number ").Append(entryCount)
                    .Append(": we profiled with the React DevTools, memoized the expensive lists and moved work off the main thread. \\\"Quoted\\\" détails.\",\"startMs\":")
                    .Append(start).Append(",\"endMs\":").Append(start + 2900).Append('}');
            }

            entryCount++;
        }

        builder.Append("],\"transcriptCount\":").Append(entryCount).Append(",\"timestamp\":\"2026-03-21T18:30:00.000Z\"}}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
