using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks.Boooply;
using Newtonsoft.Json.Linq;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// <see cref="BoooplyWebhookSerializer.Deserialize(ReadOnlySpan{byte})"/> for every Boooply fixture and a generated
/// ~1 MB transcript, against baselines measured in the same run: a bare <see cref="Utf8JsonReader"/> pass (the floor),
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>, and Newtonsoft's <see cref="JObject.Parse(string)"/>
/// (given the text already decoded, which flatters it). Targets: within 3x the floor, at least 3x faster than Newtonsoft.
/// </summary>
[MemoryDiagnoser]
public class BoooplyDeserializeBenchmarks
{
    private const string LargeTranscript = "transcript-1MB";

    private byte[] _utf8 = [];
    private string _text = string.Empty;

    /// <summary>Gets or sets the payload: a fixture file name (without extension) or the generated 1 MB transcript.</summary>
    [Params("interview-transcript", "interview-evaluation", "interview-scores", "interview-recording", LargeTranscript)]
    public string Payload { get; set; } = LargeTranscript;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payload == LargeTranscript ? GenerateTranscript(1024 * 1024) : File.ReadAllBytes(FindFixture(Payload + ".json"));
        _text = Encoding.UTF8.GetString(_utf8);

        // A benchmark of a body the serializer rejects would measure the error path, not parsing.
        _ = BoooplyWebhookSerializer.Deserialize(_utf8);
    }

    [Benchmark(Baseline = true, Description = "Utf8JsonReader pass (floor)")]
    public int Utf8JsonReaderPass()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = 64 });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "JsonDocument.Parse")]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return document.RootElement.ValueKind;
    }

    [Benchmark(Description = "Newtonsoft JObject.Parse")]
    public JObject NewtonsoftJObjectParse() => JObject.Parse(_text);

    [Benchmark(Description = "BoooplyWebhookSerializer.Deserialize")]
    public BoooplyWebhookEvent Deserialize() => BoooplyWebhookSerializer.Deserialize(_utf8);

    private static string FindFixture(string fileName)
    {
        // BenchmarkDotNet runs a generated copy under bin/, so walk up to the repository's test fixtures.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Classet.Boooply.Webhooks.Tests", "Fixtures", "Boooply", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Boooply fixture {fileName} not found above {AppContext.BaseDirectory}.");
    }

    private static byte[] GenerateTranscript(int minBytes)
    {
        var builder = new StringBuilder(minBytes + 4096);
        builder.Append("""{"event":"interview.transcript","data":{"meetingCode":"Boooply-AI-1234567890","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","isTeamMeeting":false,"candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","transcript":[""");
        var count = 0;
        while (builder.Length < minBytes)
        {
            if (count > 0)
            {
                builder.Append(',');
            }

            var start = count * 3100L;
            builder.Append(count % 2 == 0
                    ? "{\"speaker\":\"AI Interviewer\",\"text\":\"Tell me about a time you improved the performance of a React application. What did you measure?\",\"startMs\":"
                    : "{\"speaker\":\"Jane Doe\",\"text\":\"We profiled with the React DevTools, memoized the expensive lists and moved work off the main thread.\",\"startMs\":")
                .Append(start);
            if (count % 2 == 1)
            {
                builder.Append(",\"endMs\":").Append(start + 2900);
            }

            builder.Append('}');
            count++;
        }

        builder.Append("],\"transcriptCount\":").Append(count).Append(",\"timestamp\":\"2026-03-21T18:30:00.000Z\"}}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
