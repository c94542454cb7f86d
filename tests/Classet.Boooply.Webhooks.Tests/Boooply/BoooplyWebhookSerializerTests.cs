using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Classet.Boooply.Webhooks.Boooply;

using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyWebhookSerializerTests
{
    private static readonly DateTimeOffset TranscriptTime = new(2026, 3, 21, 18, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EvaluationTime = new(2026, 3, 21, 18, 35, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RecordingTime = new(2026, 3, 21, 18, 40, 0, TimeSpan.Zero);

    public static TheoryData<string, Type, string> Fixtures => new()
    {
        { BoooplyTestData.Transcript, typeof(BoooplyTranscriptEvent), "interview.transcript" },
        { BoooplyTestData.Evaluation, typeof(BoooplyEvaluationEvent), "interview.evaluation" },
        { BoooplyTestData.Scores, typeof(BoooplyScoresEvent), "interview.scores" },
        { BoooplyTestData.Recording, typeof(BoooplyRecordingEvent), "interview.recording" },
    };

    public static TheoryData<string> FixtureNames => new(BoooplyTestData.AllFixtures);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Deserialize_VendorFixture_ReturnsConcreteTypeWithCommonFields(string fixture, Type expectedType, string eventType)
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(fixture));

        webhookEvent.Should().BeOfType(expectedType);
        webhookEvent.EventType.Should().Be(eventType);
        webhookEvent.MeetingCode.Should().Be("Boooply-AI-1234567890");
        webhookEvent.IdempotencyKey.Should().Be("Boooply-AI-1234567890:" + eventType);
        webhookEvent.Source.Should().Be("Acme Corp");
        webhookEvent.SourceId.Should().Be("org_7234567890");
        webhookEvent.SourcePlatform.Should().Be("AI TalentFlow");
        webhookEvent.Timestamp.Should().NotBeNull();
        webhookEvent.Timestamp!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Deserialize_TranscriptFixture_ReadsEveryField()
    {
        var e = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(BoooplyTestData.Transcript)).Should().BeOfType<BoooplyTranscriptEvent>().Subject;
        var d = e.Data;

        d.MeetingCode.Should().Be("Boooply-AI-1234567890");
        d.Title.Should().Be("Senior Frontend Engineer Interview");
        d.MeetingType.Should().Be(BoooplyMeetingType.AiOnly);
        d.MeetingType!.Value.IsKnown.Should().BeTrue();
        d.IsTeamMeeting.Should().BeFalse();
        d.CandidateName.Should().Be("Jane Doe");
        d.JobRole.Should().Be("Senior Frontend Engineer");
        d.Source.Should().Be("Acme Corp");
        d.SourceId.Should().Be("org_7234567890");
        d.SourcePlatform.Should().Be("AI TalentFlow");
        d.TranscriptCount.Should().Be(24);
        d.Timestamp.Should().Be(TranscriptTime);
        d.ExtensionData.Should().BeNull();
        e.ExtensionData.Should().BeNull();

        d.Transcript.Should().HaveCount(2);
        var ai = d.Transcript![0];
        ai.Speaker.Should().Be("AI Interviewer");
        ai.Text.Should().Be("Tell me about your experience with React.");
        ai.StartMs.Should().Be(12400);
        ai.Start.Should().Be(TimeSpan.FromMilliseconds(12400));
        ai.EndMs.Should().BeNull("AI-interview entries have no endMs");
        ai.End.Should().BeNull();

        var human = d.Transcript[1];
        human.Speaker.Should().Be("Jane Doe");
        human.Text.Should().Be("I've been working with React for 5 years...");
        human.StartMs.Should().Be(15200);
        human.EndMs.Should().Be(28900);
        human.Start.Should().Be(TimeSpan.FromSeconds(15.2));
        human.End.Should().Be(TimeSpan.FromSeconds(28.9));
    }

    [Fact]
    public void Deserialize_EvaluationFixture_ReadsEveryField()
    {
        var e = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(BoooplyTestData.Evaluation)).Should().BeOfType<BoooplyEvaluationEvent>().Subject;
        var d = e.Data;

        d.MeetingCode.Should().Be("Boooply-AI-1234567890");
        d.Title.Should().Be("Senior Frontend Engineer Interview");
        d.MeetingType.Should().Be(BoooplyMeetingType.AiOnly);
        d.CandidateName.Should().Be("Jane Doe");
        d.JobRole.Should().Be("Senior Frontend Engineer");
        d.Source.Should().Be("Acme Corp");
        d.SourceId.Should().Be("org_7234567890");
        d.SourcePlatform.Should().Be("AI TalentFlow");
        d.Summary.Should().Be("Jane demonstrated strong technical skills in React and TypeScript...");
        d.OneLineSummary.Should().Be("Strong React skills but needs improvement in system design");
        d.OverallRating.Should().Be(3);
        d.Recommendation.Should().Be(BoooplyRecommendation.Pass);
        d.ConfidenceLevel.Should().Be(BoooplyConfidenceLevel.High);
        ShouldHaveFixtureScores(d.Scores);
        d.RecruiterSummary!.Tldr.Should().Be("Solid mid-level React developer");
        d.RecruiterSummary.QuickDecision.Should().Be(BoooplyQuickDecision.Advance);

        var skill = d.SkillsAssessment.Should().ContainSingle().Subject;
        skill.Skill.Should().Be("React");
        skill.Rating.Should().Be(4);
        skill.Evidence.Should().Be("Explained hooks and context API well");

        var strength = d.StrengthsAndWeaknesses!.Strengths.Should().ContainSingle().Subject;
        strength.Point.Should().Be("Strong React fundamentals");
        strength.Evidence.Should().Be("...");
        var weakness = d.StrengthsAndWeaknesses.Weaknesses.Should().ContainSingle().Subject;
        weakness.Point.Should().Be("Limited system design");
        weakness.Evidence.Should().Be("...");

        var flag = d.RedFlags.Should().ContainSingle().Subject;
        flag.Flag.Should().Be("Vague on past projects");
        flag.Severity.Should().Be(BoooplyRedFlagSeverity.Warning);
        flag.Context.Should().Be("...");

        var signal = d.PositiveSignals.Should().ContainSingle().Subject;
        signal.Signal.Should().Be("Enthusiastic about the role");
        signal.Context.Should().Be("...");

        d.SentimentAnalysis!.Enthusiasm.Should().Be(BoooplySentimentLevel.High);
        d.SentimentAnalysis.Authenticity.Should().Be(BoooplyAuthenticity.Genuine);
        d.SentimentAnalysis.StressLevel.Should().Be(BoooplySentimentLevel.Low);

        var question = d.QuestionsAsked.Should().ContainSingle().Subject;
        question.Topic.Should().Be("Technical");
        question.Question.Should().Be("How do you handle state?");
        question.CandidateAnswer.Should().Be("...");
        question.AnswerQuality.Should().Be(4);
        question.Timestamp.Should().Be("02:15");
        question.TimestampOffset.Should().Be(TimeSpan.FromSeconds(135));

        d.NextSteps!.Recommendation.Should().Be("Proceed to technical round");
        d.NextSteps.QuestionsToAsk.Should().Equal("Describe a system you designed");
        d.NextSteps.FocusAreasForNextRound.Should().Equal("System design", "TypeScript generics");

        ShouldHaveFixtureRatings(d.RatingsForRecruiters);
        d.MeetingStatistics.Should().BeNull("the example does not carry it");
        d.CustomQuestionResponses.Should().BeNull("the example does not carry it");
        d.Timestamp.Should().Be(EvaluationTime);
        d.ExtensionData.Should().BeNull();
    }

    [Fact]
    public void Deserialize_ScoresFixture_ReadsEveryField()
    {
        var e = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(BoooplyTestData.Scores)).Should().BeOfType<BoooplyScoresEvent>().Subject;
        var d = e.Data;

        d.MeetingCode.Should().Be("Boooply-AI-1234567890");
        d.CandidateName.Should().Be("Jane Doe");
        d.JobRole.Should().Be("Senior Frontend Engineer");
        d.Source.Should().Be("Acme Corp");
        d.SourceId.Should().Be("org_7234567890");
        d.SourcePlatform.Should().Be("AI TalentFlow");
        d.OverallRating.Should().Be(3);
        d.Recommendation.Should().Be(BoooplyRecommendation.Pass);
        d.ConfidenceLevel.Should().Be(BoooplyConfidenceLevel.High);
        ShouldHaveFixtureScores(d.Scores);
        ShouldHaveFixtureRatings(d.RatingsForRecruiters);
        d.OneLineSummary.Should().Be("Strong React skills but needs improvement in system design");
        d.Timestamp.Should().Be(EvaluationTime);
        d.ExtensionData.Should().BeNull("there is no data.technical: Boooply's Node sample is wrong, the payload has scores.technicalSkills");
    }

    [Fact]
    public void Deserialize_RecordingFixture_ReadsEveryField()
    {
        var e = BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(BoooplyTestData.Recording)).Should().BeOfType<BoooplyRecordingEvent>().Subject;
        var d = e.Data;

        d.MeetingCode.Should().Be("Boooply-AI-1234567890");
        d.Title.Should().Be("Senior Frontend Engineer Interview");
        d.Source.Should().Be("Acme Corp");
        d.SourceId.Should().Be("org_7234567890");
        d.SourcePlatform.Should().Be("AI TalentFlow");
        d.DurationSeconds.Should().Be(1234);
        d.Duration.Should().Be(TimeSpan.FromSeconds(1234));
        d.Format.Should().Be(BoooplyRecordingFormat.Mp4);
        d.VideoUrl.Should().Be("https://s3.amazonaws.com/...?X-Amz-Expires=604800&...");
        d.VideoApiUrl.Should().Be("https://api.meetings.boooply.com/api/integration/interviews/Boooply-AI-1234567890/recording");
        d.Timestamp.Should().Be(RecordingTime);
        d.ExtensionData.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Serialize_DeserializedFixture_EqualsFixtureAsJson(string fixture)
    {
        var text = BoooplyTestData.FixtureText(fixture);

        var json = BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(text));

        JsonSemanticAssert.Equal(text, json);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Serialize_DeserializedFixture_ReproducesVendorCompactTextByteForByte(string fixture)
    {
        var text = BoooplyTestData.FixtureText(fixture);

        var json = BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(text));

        json.Should().Be(BoooplyTestData.Compact(text), "property order and the toISOString timestamp text are preserved");
        Encoding.UTF8.GetString(BoooplyWebhookSerializer.SerializeToUtf8Bytes(BoooplyWebhookSerializer.Deserialize(text))).Should().Be(json);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Deserialize_AllOverloads_AgreeOnFixture(string fixture)
    {
        var bytes = BoooplyTestData.Fixture(fixture);
        var expected = BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(bytes));

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(Encoding.UTF8.GetString(bytes))).Should().Be(expected);
        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(new ReadOnlySequence<byte>(bytes))).Should().Be(expected);
        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(Segmented(bytes, 7))).Should().Be(expected);
        BoooplyWebhookSerializer.TryDeserialize(bytes, out var fromSpan, out var spanError).Should().BeTrue();
        spanError.Should().BeNull();
        BoooplyWebhookSerializer.Serialize(fromSpan!).Should().Be(expected);
        BoooplyWebhookSerializer.TryDeserialize(Segmented(bytes, 3), out var fromSequence, out _).Should().BeTrue();
        BoooplyWebhookSerializer.Serialize(fromSequence!).Should().Be(expected);
        BoooplyWebhookSerializer.TryDeserialize(Encoding.UTF8.GetString(bytes), out var fromString, out _).Should().BeTrue();
        BoooplyWebhookSerializer.Serialize(fromString!).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task DeserializeAsync_FixtureStream_ParsesSameEvent(string fixture)
    {
        var bytes = BoooplyTestData.Fixture(fixture);
        using var stream = new MemoryStream(bytes);

        var webhookEvent = await BoooplyWebhookSerializer.DeserializeAsync(stream, 1024 * 1024);

        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(bytes)));
    }

    [Fact]
    public async Task DeserializeAsync_BodyOverLimit_ThrowsPayloadExceptionWithoutReadingEverything()
    {
        using var stream = new CountingStream(new byte[10 * 1024 * 1024]);

        var act = async () => await BoooplyWebhookSerializer.DeserializeAsync(stream, 64 * 1024);

        await act.Should().ThrowAsync<WebhookPayloadException>().WithMessage("*larger than the limit*");
        stream.BytesRead.Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public async Task DeserializeAsync_Canceled_ThrowsOperationCanceled()
    {
        using var stream = new MemoryStream(BoooplyTestData.Fixture(BoooplyTestData.Scores));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = async () => await BoooplyWebhookSerializer.DeserializeAsync(stream, 1024, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Deserialize_PropertiesInAnyOrder_PicksTypeFromEvent()
    {
        const string json = """{"data":{"timestamp":"2026-03-21T18:40:00.000Z","meetingCode":"m-1","duration":60},"event":"interview.recording"}""";

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        var recording = webhookEvent.Should().BeOfType<BoooplyRecordingEvent>().Subject;
        recording.MeetingCode.Should().Be("m-1");
        recording.Data.Duration.Should().Be(TimeSpan.FromMinutes(1));
        recording.Timestamp.Should().Be(RecordingTime);
    }

    [Fact]
    public void Deserialize_DashboardInterviewWithNullSources_KeepsNullsOnRoundTrip()
    {
        const string json = """{"event":"interview.scores","data":{"meetingCode":"m-1","source":null,"sourceId":null,"sourcePlatform":null,"overallRating":3.5}}""";

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        webhookEvent.Source.Should().BeNull();
        webhookEvent.SourceId.Should().BeNull();
        webhookEvent.SourcePlatform.Should().BeNull();
        webhookEvent.Timestamp.Should().BeNull();
        ((BoooplyScoresEvent)webhookEvent).Data.OverallRating.Should().Be(3.5m, "a fractional rating must not be rejected");
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(json);
    }

    [Fact]
    public void Deserialize_FractionalMilliseconds_RoundToTheNearestWholeAndKeepTheirTextOnTheWire()
    {
        const string json = """{"event":"interview.transcript","data":{"meetingCode":"m","source":null,"sourceId":null,"sourcePlatform":null,"transcript":[{"speaker":"A","text":"t","startMs":12400.000000000002,"endMs":12999.5}]}}""";

        var webhookEvent = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(json);

        webhookEvent.Data.Transcript![0].StartMs.Should().Be(12400);
        webhookEvent.Data.Transcript[0].EndMs.Should().Be(13000, "half a millisecond rounds away from zero");
        webhookEvent.Data.Transcript[0].End.Should().Be(TimeSpan.FromMilliseconds(13000));
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(json);
    }

    [Fact]
    public void Deserialize_TimestampWithOffset_KeepsInstant()
    {
        const string json = """{"event":"interview.scores","data":{"meetingCode":"m","timestamp":"2026-03-21T20:35:00.000+02:00"}}""";

        var webhookEvent = BoooplyWebhookSerializer.Deserialize(json);

        webhookEvent.Timestamp.Should().Be(EvaluationTime);
        JsonSemanticAssert.Equal(
            BoooplyWebhookSerializer.Serialize(webhookEvent),
            BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.Serialize(webhookEvent))));
        BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.Serialize(webhookEvent)).Timestamp.Should().Be(EvaluationTime);
    }

    [Fact]
    public void Deserialize_TimestampWithoutOffset_IsReadAsUtcNotLocalTime()
    {
        var webhookEvent = BoooplyWebhookSerializer.Deserialize("""{"event":"interview.scores","data":{"meetingCode":"m","timestamp":"2026-03-21T18:35:00"}}""");

        webhookEvent.Timestamp.Should().Be(EvaluationTime);
        webhookEvent.Timestamp!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Deserialize_UndocumentedShapes_KeptAsOwnedJson()
    {
        const string json = """{"event":"interview.evaluation","data":{"meetingCode":"m","source":null,"sourceId":null,"sourcePlatform":null,"meetingStatistics":{"speakingTimePercent":{"candidate":62.5,"interviewer":37.5},"avgResponseTimeMs":1800},"customQuestionResponses":[{"question":"Notice period?","answer":"Two weeks"}]}}""";
        var bytes = Encoding.UTF8.GetBytes(json);

        var webhookEvent = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(bytes);
        Array.Clear(bytes);

        webhookEvent.Data.MeetingStatistics!.Value.GetProperty("speakingTimePercent").GetProperty("candidate").GetDecimal().Should().Be(62.5m);
        webhookEvent.Data.CustomQuestionResponses!.Value[0].GetProperty("answer").GetString().Should().Be("Two weeks");
        BoooplyWebhookSerializer.Serialize(webhookEvent).Should().Be(json);
    }

    [Fact]
    public void Deserialize_NonAsciiAndHtmlCharacters_WrittenBackUnescaped()
    {
        const string json = """{"event":"interview.scores","data":{"meetingCode":"m","candidateName":"José Müller <Jo> & 'Ana' 李","source":null,"sourceId":null,"sourcePlatform":null}}""";

        BoooplyWebhookSerializer.Serialize(BoooplyWebhookSerializer.Deserialize(json)).Should().Be(json);
    }

    [Fact]
    public void Deserialize_OneMegabyteTranscript_ParsesEveryEntry()
    {
        var bytes = BoooplyTestData.LargeTranscript(1024 * 1024, out var count);
        bytes.Length.Should().BeGreaterThanOrEqualTo(1024 * 1024);

        var webhookEvent = (BoooplyTranscriptEvent)BoooplyWebhookSerializer.Deserialize(bytes);

        webhookEvent.Data.Transcript.Should().HaveCount(count);
        webhookEvent.Data.TranscriptCount.Should().Be(count);
        webhookEvent.Data.Transcript![0].EndMs.Should().BeNull();
        var last = webhookEvent.Data.Transcript[count - 1];
        last.StartMs.Should().Be((count - 1) * 3100L);
        last.Text.Should().StartWith(count % 2 == 0 ? "Answer number" : "Question number");
        webhookEvent.Data.Transcript[1].Text.Should().EndWith("\"Quoted\" détails.");
        JsonSemanticAssert.Equal(Encoding.UTF8.GetString(bytes), BoooplyWebhookSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void Serialize_Null_ThrowsArgumentNull()
    {
        var act = () => BoooplyWebhookSerializer.Serialize(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Serialize_EventBuiltInCode_WritesDeclaredMembersInOrderWithoutNulls()
    {
        var webhookEvent = new BoooplyRecordingEvent
        {
            Data = new BoooplyRecordingData
            {
                MeetingCode = "m-9",
                DurationSeconds = 90,
                Format = BoooplyRecordingFormat.Mp4,
                VideoApiUrl = "https://api.example/rec",
                Timestamp = RecordingTime,
            },
        };

        var json = BoooplyWebhookSerializer.Serialize(webhookEvent);

        json.Should().Be("""{"event":"interview.recording","data":{"meetingCode":"m-9","duration":90,"format":"mp4","videoApiUrl":"https://api.example/rec","timestamp":"2026-03-21T18:40:00.000Z"}}""");
        BoooplyWebhookSerializer.Deserialize(json).Should().BeOfType<BoooplyRecordingEvent>().Which.Should().Be(webhookEvent);
    }

    private static void ShouldHaveFixtureScores(BoooplyScores? scores)
    {
        scores.Should().NotBeNull();
        scores!.Overall.Should().Be(72);
        scores.Communication.Should().Be(80);
        scores.TechnicalSkills.Should().Be(70);
        scores.ProblemSolving.Should().Be(65);
        scores.CultureFit.Should().Be(85);
        scores.ExperienceMatch.Should().Be(70);
        scores.ExtensionData.Should().BeNull();
    }

    private static void ShouldHaveFixtureRatings(BoooplyRecruiterRatings? ratings)
    {
        ratings.Should().NotBeNull();
        ratings!.TechnicalSkills.Should().Be(70);
        ratings.Communication.Should().Be(80);
        ratings.CultureFit.Should().Be(85);
        ratings.Overall.Should().Be(72);
    }

    internal static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += segmentSize)
        {
            var memory = bytes.AsMemory(offset, Math.Min(segmentSize, bytes.Length - offset));
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(base.Read(buffer.Span)));

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
