using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal;
using Classet.Boooply.Webhooks.Tests.Boooply;
using Classet.Boooply.Webhooks.Tests.Classet;
using FluentAssertions.Equivalency;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.Tests.Internal;

/// <summary>
/// The hand-written readers (<see cref="BoooplyFastReader"/>, <see cref="ClassetFastReader"/>) must give exactly what
/// the general path (inspection plus the generated binder) gives: the same event, member by member and as written
/// back, or the same error with the same message, path and position. Checked on every fixture and on thousands of
/// structurally mutated variants: nulls, wrong types, odd numbers, escaped and repeated keys, unknown and
/// case-shifted names, reordered properties, lone surrogates.
/// </summary>
public sealed class FastReaderDifferentialTests(ITestOutputHelper output)
{
    // WEBHOOKS_FUZZ_ITERATIONS (as for the fuzz tests) runs more; the seeds are fixed, so a failure reproduces.
    private static readonly int MutantsPerFixture =
        int.TryParse(Environment.GetEnvironmentVariable("WEBHOOKS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 2_000;

    // Stands for a lone surrogate escape, which a JsonNode cannot hold; swapped in after writing.
    private const string LoneSurrogateMarker = "@@LONE@@";

    private static readonly string[] BoooplyNames =
    [
        "event", "data", "meetingCode", "title", "meetingType", "isTeamMeeting", "candidateName", "jobRole", "source", "sourceId",
        "sourcePlatform", "transcript", "transcriptCount", "timestamp", "speaker", "text", "startMs", "endMs", "summary",
        "oneLineSummary", "overallRating", "recommendation", "confidenceLevel", "scores", "recruiterSummary", "skillsAssessment",
        "strengthsAndWeaknesses", "redFlags", "positiveSignals", "sentimentAnalysis", "questionsAsked", "meetingStatistics",
        "nextSteps", "customQuestionResponses", "ratingsForRecruiters", "overall", "communication", "technicalSkills",
        "problemSolving", "cultureFit", "experienceMatch", "tldr", "quickDecision", "skill", "rating", "evidence", "strengths",
        "weaknesses", "point", "flag", "severity", "context", "signal", "enthusiasm", "authenticity", "stressLevel", "topic",
        "question", "candidateAnswer", "answerQuality", "questionsToAsk", "focusAreasForNextRound", "duration", "format",
        "videoUrl", "videoApiUrl", "MeetingCode", "Start", "END", "Duration", "TimestampOffset", "StartMs", "Data", "Event",
    ];

    private static readonly string[] ClassetNames =
    [
        "event", "changes", "data", "candidate_id", "interview_completed_at", "interview_sent_at", "interview_outcome",
        "interview_summary", "interview_custom_data", "from", "to", "candidate_phone", "job_id", "job_title", "call_status",
        "transcript", "questions", "call_details", "call_id", "recording_url", "role", "words", "content", "start", "end", "word",
        "question", "answer", "duration", "start_time", "end_time", "e2e_latency", "call_analysis", "org_phone_number",
        "call_summary", "user_sentiment", "agent_sentiment", "call_completion_rating", "agent_task_completion_rating",
        "call_completion_rating_reason", "agent_task_completion_rating_reason", "EventType", "eventtype", "Start", "END",
        "Duration", "StartedAt", "EndedAt", "EndToEndLatency", "CandidateId", "Changes",
    ];

    private static readonly string[] ExtraNames = ["extra", "$id", "$type", "$ref", "", "x y", "é", "nested"];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1E2", "1e-7", "12400", "2147483648", "-2147483649", "1e400", "-1e400",
        "12.345", "-12.5", "-0.0", "0.1", "0.30000000000000004", "1234567890.12345", "123456789012345.6", "9007199254740993", "1737073800.123",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.1000000000000000000000000000001",
        "\"\"", "\"text\"", "\"PASS\"", "\"pass\"", "\"HIGH\"", "\"completed\"", "\"call_completed\"", "\"Positive\"",
        "\"2026-03-21T18:30:00.000Z\"", "\"2026-03-21T18:30:00\"", "\"2026-03-21T18:30:00+05:30\"", "\"2025-04-15\"", "\"not a date\"",
        "\"02:15\"", "\"Zo\\u00eb \\\"q\\\" \\n\"", "\"" + LoneSurrogateMarker + "\"", "\"\\ud83d\\ude00\"",
        "{}", "[]", "[null]", "[1,\"a\"]", "{\"a\":{\"b\":[1,2,{}]}}", "[{}]", "[{\"extra\":1}]", "{\"from\":null,\"to\":\"x\"}",
        "{\"from\":1}", new string('[', 70) + new string(']', 70),
    ];

    public static TheoryData<string> BoooplyFixtures => new(BoooplyTestData.AllFixtures);

    public static TheoryData<string> ClassetFixtureNames => ClassetFixtures.Names();

    [Theory]
    [MemberData(nameof(BoooplyFixtures))]
    public void Boooply_Fixture_FastReaderReadsItAndMatchesGeneralPath(string fixture)
    {
        var body = BoooplyTestData.Fixture(fixture);

        BoooplyFastReader.TryRead(body).Should().NotBeNull("the vendor's own example must take the fast path");
        CompareBoooply(body).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(ClassetFixtureNames))]
    public void Classet_Fixture_FastReaderReadsItAndMatchesGeneralPath(string fixture)
    {
        var body = ClassetFixtures.Bytes(fixture);

        ClassetFastReader.TryRead(body).Should().NotBeNull("the vendor's own example must take the fast path");
        CompareClasset(body).Should().BeTrue();
    }

    [Fact]
    public void Boooply_LargeTranscript_FastReaderReadsItAndMatchesGeneralPath()
    {
        var body = BoooplyTestData.LargeTranscript(256 * 1024, out _);

        BoooplyFastReader.TryRead(body).Should().NotBeNull();
        CompareBoooply(body).Should().BeTrue();
    }

    [Fact]
    public void Classet_LargeTranscript_FastReaderReadsItAndMatchesGeneralPath()
    {
        var root = JsonNode.Parse(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted))!.AsObject();
        var transcript = root["transcript"]!.AsArray();
        var entry = transcript[0]!;
        for (var i = 0; i < 2_000; i++)
        {
            transcript.Add(entry.DeepClone());
        }

        var body = Encoding.UTF8.GetBytes(root.ToJsonString());

        ClassetFastReader.TryRead(body).Should().NotBeNull();
        CompareClasset(body).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(BoooplyFixtures))]
    public void Boooply_MutatedFixture_PublicPathMatchesGeneralPath(string fixture)
    {
        RunMutants(fixture, JsonNode.Parse(BoooplyTestData.Fixture(fixture))!, BoooplyNames, new Random(4242 + Array.IndexOf(BoooplyTestData.AllFixtures, fixture)), CompareBoooply);
    }

    [Theory]
    [MemberData(nameof(ClassetFixtureNames))]
    public void Classet_MutatedFixture_PublicPathMatchesGeneralPath(string fixture)
    {
        RunMutants(fixture, JsonNode.Parse(ClassetFixtures.Bytes(fixture))!, ClassetNames, new Random(4343 + fixture.Length), CompareClasset);
    }

    [Theory]
    [InlineData("""{"event":"call_completed","call_id":"c1","job_id":"j"}""")]
    [InlineData("""{"event":"call_completed","job_id":"j"}""")]
    [InlineData("""{"job_id":"j","call_status":null}""")]
    [InlineData("""{"job_id":"j"}""")]
    [InlineData("""{"call_id":"c1","event":"call_completed"}""")]
    [InlineData("""{"call_id":"c1","transcript":[{"words":[{"start":1,"Start":2}]}]}""")]
    [InlineData("""{"call_id":"c1","call_details":{"duration":1,"DURATION":2}}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c","interview_custom_data":null}}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{"a":null},"data":{"candidate_id":"c"}}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":1}},"data":{"candidate_id":"c"}}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c"},"EventType":"x"}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c"},"event":"other"}""")]
    [InlineData("""{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c"}} x""")]
    public void Classet_EdgeCase_PublicPathMatchesGeneralPath(string json) => CompareClasset(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"event":"interview.evaluation","data":{"meetingCode":"m","meetingStatistics":null,"customQuestionResponses":[1]}}""")]
    [InlineData("""{"event":"interview.evaluation","data":{"meetingCode":"m","nextSteps":{"questionsToAsk":[null,"a"]}}}""")]
    [InlineData("""{"event":"interview.recording","data":{"meetingCode":"m","duration":1,"Duration":2}}""")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":null}}""")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m","timestamp":null},"extra":[1]}""")]
    [InlineData("""{"event":"interview.scores","data":{"meetingCode":"m"},"data":{"meetingCode":"n"}}""")]
    [InlineData("""{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[null,{"text":"\ud83d"}]}}""")]
    public void Boooply_EdgeCase_PublicPathMatchesGeneralPath(string json) => CompareBoooply(Encoding.UTF8.GetBytes(json));

    public static TheoryData<string> Numbers() => new(
        "0", "-0", "0.0", "-0.0", "7", "12400", "999999999999999999", "1000000000000000000", "12.345", "-12.5", "0.1", "0.30000000000000004",
        "1234567890.12345", "123456789012345.6", "9007199254740993", "1737073800.123", "1E2", "1e-7", "2.5e3", "1e400", "-1e400",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.1000000000000000000000000000001", "00", "1.", ".5", "+1");

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Numbers_ReadAsTheGeneralPathReadsThem(string number)
    {
        // Boooply numbers are decimals (offsets, scores), Classet's doubles (word timings); both readers skip the
        // general parsers for plain forms, which must not change a single bit.
        CompareBoooply(Encoding.UTF8.GetBytes($$$"""{"event":"interview.transcript","data":{"meetingCode":"m","transcript":[{"startMs":{{{number}}},"endMs":{{{number}}}}],"transcriptCount":{{{number}}}}}"""));
        CompareBoooply(Encoding.UTF8.GetBytes("""{"event":"interview.scores","data":{"meetingCode":"m","overallRating":""" + number + ""","scores":{"overall":""" + number + "}}}"));
        CompareClasset(Encoding.UTF8.GetBytes($$$"""{"call_id":"c","transcript":[{"words":[{"start":{{{number}}},"end":{{{number}}}}]}],"call_details":{"duration":{{{number}}}}}"""));
    }

    /// <returns>Whether the fast reader produced the result.</returns>
    private static bool CompareBoooply(byte[] body)
    {
        var (general, generalError) = Run(() => BoooplyWebhookSerializer.Deserialize(body, allowFastPath: false));
        var (actual, actualError) = Run(() => BoooplyWebhookSerializer.Deserialize(body));
        var fast = actualError is null && Utf8.IsValid(body) && !BoooplyLoneSurrogates.Contains(body) && BoooplyFastReader.TryRead(body) is not null;
        Compare(actual, actualError, general, generalError, e => BoooplyWebhookSerializer.Serialize((BoooplyWebhookEvent)e), deep: fast);
        return fast;
    }

    /// <returns>Whether the fast reader produced the result.</returns>
    private static bool CompareClasset(byte[] body)
    {
        var (general, generalError) = Run(() => ClassetWebhookSerializer.Deserialize(body, allowFastPath: false));
        var (actual, actualError) = Run(() => ClassetWebhookSerializer.Deserialize(body));
        var fast = actualError is null && Utf8.IsValid(body) && !BoooplyLoneSurrogates.Contains(body) && ClassetFastReader.TryRead(body) is not null;
        Compare(actual, actualError, general, generalError, e => ClassetWebhookSerializer.Serialize((ClassetWebhookEvent)e), deep: fast);
        return fast;
    }

    private static (object? Result, WebhookPayloadException? Error) Run(Func<object> deserialize)
    {
        try
        {
            return (deserialize(), null);
        }
        catch (WebhookPayloadException exception)
        {
            return (null, exception);
        }
    }

    /// <param name="deep">Compare member by member too; skipped when the fast reader declined, as both sides then ran the same code.</param>
    private static void Compare(object? actual, WebhookPayloadException? actualError, object? expected, WebhookPayloadException? expectedError, Func<object, string> serialize, bool deep)
    {
        if (expectedError is not null)
        {
            actualError.Should().NotBeNull("the general path rejects the body: {0}", expectedError.Message);
            actualError!.Message.Should().Be(expectedError.Message);
            actualError.Path.Should().Be(expectedError.Path);
            actualError.LineNumber.Should().Be(expectedError.LineNumber);
            actualError.BytePositionInLine.Should().Be(expectedError.BytePositionInLine);
            return;
        }

        actualError.Should().BeNull("the general path accepts the body");
        actual!.GetType().Should().Be(expected!.GetType());
        serialize(actual).Should().Be(serialize(expected));
        if (deep)
        {
            actual.Should().BeEquivalentTo(expected, Options);
        }
    }

    private static EquivalencyAssertionOptions<object> Options(EquivalencyAssertionOptions<object> options) => options
        .RespectingRuntimeTypes()
        .ComparingRecordsByMembers()
        .WithStrictOrdering()
        .Using<JsonElement>(context => Raw(context.Subject).Should().Be(Raw(context.Expectation)))
        .WhenTypeIs<JsonElement>()
        .Using<JsonElement?>(context => (context.Subject is { } s ? Raw(s) : "<none>").Should().Be(context.Expectation is { } e ? Raw(e) : "<none>"))
        .WhenTypeIs<JsonElement?>();

    private static string Raw(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? "<undefined>" : element.ValueKind + ":" + element.GetRawText();

    /// <summary>
    /// Compares the public path with the general path on <see cref="MutantsPerFixture"/> mutants of one fixture, and
    /// checks that the mutants exercise both the fast reader and the fallback.
    /// </summary>
    private void RunMutants(string fixture, JsonNode root, string[] names, Random random, Func<byte[], bool> compare)
    {
        var fast = 0;
        for (var i = 0; i < MutantsPerFixture; i++)
        {
            var body = Mutate(root, names, random);
            try
            {
                fast += compare(body) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"Mutant {i} of {fixture}: {Encoding.UTF8.GetString(body)}", exception);
            }
        }

        output.WriteLine($"{fixture}: {MutantsPerFixture} mutants, {fast} read by the fast reader");
        fast.Should().BeGreaterThan(MutantsPerFixture / 10, "many mutants stay within the shape the fast reader handles");
        fast.Should().BeLessThan(MutantsPerFixture, "some mutants must fall back, or the fallback is untested");
    }

    private static byte[] Mutate(JsonNode original, string[] names, Random random)
    {
        var root = original.DeepClone();
        var operations = 1 + random.Next(3);
        for (var i = 0; i < operations; i++)
        {
            var slots = new List<(JsonNode Parent, string? Name, int Index)>();
            Collect(root, slots);
            if (slots.Count == 0)
            {
                break;
            }

            var (parent, name, index) = slots[random.Next(slots.Count)];
            switch (random.Next(7))
            {
                case 0:
                    Set(parent, name, index, null);
                    break;
                case 1:
                case 2:
                    Set(parent, name, index, ParseValue(Pick(Values, random)));
                    break;
                case 3:
                    if (parent is JsonObject removeFrom && name is not null)
                    {
                        removeFrom.Remove(name);
                    }
                    else if (parent is JsonArray array && index < array.Count)
                    {
                        array.RemoveAt(index);
                    }

                    break;
                case 4:
                    if (parent is JsonObject addTo)
                    {
                        var newName = random.Next(3) == 0 ? Pick(ExtraNames, random) : Pick(names, random);
                        addTo.Remove(newName);
                        addTo[newName] = ParseValue(Pick(Values, random));
                    }
                    else if (parent is JsonArray addToArray)
                    {
                        addToArray.Insert(random.Next(addToArray.Count + 1), random.Next(2) == 0 ? null : addToArray[index]?.DeepClone());
                    }

                    break;
                case 5:
                    if (parent is JsonObject moveIn && name is not null)
                    {
                        // Moves the property last, so "event" or "data" can end up anywhere.
                        var value = moveIn[name];
                        moveIn.Remove(name);
                        moveIn[name] = value;
                    }

                    break;
                default:
                    if (parent is JsonObject renameIn && name is not null)
                    {
                        var value = renameIn[name];
                        renameIn.Remove(name);
                        var renamed = random.Next(2) == 0 ? name.ToUpperInvariant() : Pick(names, random);
                        renameIn.Remove(renamed);
                        renameIn[renamed] = value;
                    }

                    break;
            }
        }

        var text = new StringBuilder();
        Write(root, text, random);
        return Encoding.UTF8.GetBytes(text.ToString().Replace(LoneSurrogateMarker, "\\ud83d", StringComparison.Ordinal));
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, string? Name, int Index)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    slots.Add((obj, name, -1));
                    Collect(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (parent is JsonObject obj && name is not null)
        {
            obj[name] = value;
        }
        else if (parent is JsonArray array && index < array.Count)
        {
            array[index] = value;
        }
    }

    /// <summary>Compact JSON, except that a few names come out escaped and a few properties twice.</summary>
    private static void Write(JsonNode? node, StringBuilder text, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj)
                {
                    var times = random.Next(150) == 0 ? 2 : 1;
                    for (var t = 0; t < times; t++)
                    {
                        text.Append(first ? string.Empty : ",");
                        first = false;
                        WriteName(name, text, random);
                        text.Append(':');
                        Write(value, text, random);
                    }
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(array[i], text, random);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteName(string name, StringBuilder text, Random random)
    {
        var encoded = "\"" + JsonEncodedText.Encode(name).Value + "\"";
        if (name.Length > 0 && random.Next(100) == 0 && char.IsAsciiLetter(name[0]))
        {
            // The same name, with its first letter as an escape: equal to the binder, not to a raw comparison.
            encoded = "\"\\u" + ((int)name[0]).ToString("x4", CultureInfo.InvariantCulture) + encoded[2..];
        }

        text.Append(encoded);
    }

    private static JsonNode? ParseValue(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
