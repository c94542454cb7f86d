using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks.Classet;
using Newtonsoft.Json.Linq;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// <see cref="ClassetWebhookSerializer.Deserialize(ReadOnlySpan{byte})"/> against baselines measured in the same run,
/// over the same bytes: a bare <see cref="Utf8JsonReader"/> pass (the floor), <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>,
/// and Newtonsoft's <see cref="JObject.Parse(string)"/> (what users would pick instead). The bodies are Classet's
/// documented examples, read from the test fixtures, and a generated <c>call_completed</c> with a ~1 MB transcript.
/// </summary>
[MemoryDiagnoser]
public class ClassetDeserializeBenchmarks
{
    /// <summary>The generated body: the documented call_completed example with its transcript grown to about 1 MB.</summary>
    public const string LargeTranscript = "call-completed-1mb-transcript";

    private byte[] _utf8 = [];
    private string _text = string.Empty;

    [ParamsSource(nameof(Bodies))]
    public string Body { get; set; } = string.Empty;

    public static IEnumerable<string> Bodies => ["candidate-interview-updated.json", "call-completed.json", LargeTranscript];

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Body == LargeTranscript ? GenerateLargeTranscript(1024 * 1024) : File.ReadAllBytes(FixturePath(Body));
        _text = Encoding.UTF8.GetString(_utf8);

        // A benchmark of a body that does not parse would measure the error path.
        _ = ClassetWebhookSerializer.Deserialize(_utf8);
    }

    [Benchmark(Baseline = true)]
    public int Utf8JsonReaderPass()
    {
        var reader = new Utf8JsonReader(_utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public JObject NewtonsoftJObjectParse() => JObject.Parse(_text);

    [Benchmark]
    public ClassetWebhookEvent ClassetDeserialize() => ClassetWebhookSerializer.Deserialize(_utf8);

    internal static byte[] GenerateLargeTranscript(int targetBytes)
    {
        using var fixture = JsonDocument.Parse(File.ReadAllBytes(FixturePath("call-completed.json")));
        var buffer = new MemoryStream(targetBytes + 64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in fixture.RootElement.EnumerateObject())
            {
                if (property.NameEquals("transcript"))
                {
                    writer.WritePropertyName("transcript");
                    WriteTranscript(writer, buffer, targetBytes);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTranscript(Utf8JsonWriter writer, MemoryStream buffer, int targetBytes)
    {
        string[] sentence = ["Yes,", "I", "have", "held", "a", "Class", "A", "CDL", "for", "six", "years", "and", "can", "start", "on", "Monday."];
        var random = new Random(42);
        var clock = 0.0;
        writer.WriteStartArray();
        for (var turn = 0; buffer.Length + writer.BytesPending < targetBytes; turn++)
        {
            writer.WriteStartObject();
            writer.WriteString("role", turn % 2 == 0 ? "agent" : "user");
            writer.WriteStartArray("words");
            var content = new StringBuilder();
            foreach (var word in sentence)
            {
                var length = 0.1 + (random.Next(40) / 100.0);
                writer.WriteStartObject();
                writer.WriteNumber("start", Math.Round(clock, 3));
                writer.WriteNumber("end", Math.Round(clock + length, 3));
                writer.WriteString("word", word);
                writer.WriteEndObject();
                clock += length + 0.05;
                content.Append(word).Append(' ');
            }

            writer.WriteEndArray();
            writer.WriteString("content", content.ToString().TrimEnd());
            writer.WriteEndObject();
            writer.Flush();
        }

        writer.WriteEndArray();
    }

    private static string FixturePath(string name, [CallerFilePath] string sourceFile = "")
    {
        const string relative = "tests/Classet.Boooply.Webhooks.Tests/Fixtures/Classet";

        // BenchmarkDotNet runs a generated copy of this assembly somewhere below the repository; the source path
        // recorded at compile time is the quickest way back, and walking up from the output covers a moved checkout.
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "..", "..", relative, name));
        if (File.Exists(fromSource))
        {
            return fromSource;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Classet fixture {name} not found; run the benchmarks from inside the repository.", name);
    }
}
