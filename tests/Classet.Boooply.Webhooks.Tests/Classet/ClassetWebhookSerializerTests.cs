using System.Buffers;
using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

// The deprecated event is still delivered; these tests check that it is still parsed.
#pragma warning disable CS0618

using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Classet;

public sealed class ClassetWebhookSerializerTests
{
    public static TheoryData<string, Type, string> FixtureTypes => new()
    {
        { ClassetFixtures.InterviewUpdated, typeof(ClassetInterviewUpdatedEvent), "candidate.interview.updated" },
        { ClassetFixtures.CallCompleted, typeof(ClassetCallCompletedEvent), "call_completed" },
    };

    public static TheoryData<string> Fixtures => ClassetFixtures.Names();

    [Theory]
    [MemberData(nameof(FixtureTypes))]
    public void Deserialize_VendorFixture_ReturnsConcreteType(string fixture, Type expectedType, string expectedEventType)
    {
        var webhookEvent = ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(fixture));

        webhookEvent.Should().BeOfType(expectedType);
        webhookEvent.EventType.Should().Be(expectedEventType);
    }

    [Fact]
    public void Deserialize_InterviewUpdatedFixture_ReadsEveryField()
    {
        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated));

        webhookEvent.Changes.Keys.Should().BeEquivalentTo("interview_completed_at", "interview_outcome");
        webhookEvent.Changes["interview_completed_at"].From.ValueKind.Should().Be(JsonValueKind.Null);
        webhookEvent.Changes["interview_completed_at"].To.GetString().Should().Be("2025-04-15T16:00:00Z");
        webhookEvent.GetOutcomeChange().Should().Be(new ClassetChange<ClassetInterviewOutcome?>(null, ClassetInterviewOutcome.Completed));
        webhookEvent.GetInterviewCompletedAtChange().Should().Be(
            new ClassetChange<DateTimeOffset?>(null, new DateTimeOffset(2025, 4, 15, 16, 0, 0, TimeSpan.Zero)));
        webhookEvent.GetInterviewSentAtChange().Should().BeNull();
        webhookEvent.GetInterviewSummaryChange().Should().BeNull();

        var data = webhookEvent.Data;
        data.CandidateId.Should().Be("cand_12345678");
        data.InterviewCompletedAt.Should().Be(new DateTimeOffset(2025, 4, 15, 16, 0, 0, TimeSpan.Zero));
        data.InterviewSentAt.Should().Be(new DateTimeOffset(2025, 4, 14, 12, 0, 0, TimeSpan.Zero));
        data.InterviewOutcome.Should().Be(ClassetInterviewOutcome.Completed);
        data.InterviewSummary.Should().Be("Example of customizable interview summary text");
        data.InterviewCustomData!.Value.ValueKind.Should().Be(JsonValueKind.Object);
        data.TryGetCustomBoolean("can_lift_50lbs", out var canLift).Should().BeTrue();
        canLift.Should().BeTrue();
        data.TryGetCustomBoolean("eligible_to_work", out var eligible).Should().BeTrue();
        eligible.Should().BeTrue();
        data.ExtensionData.Should().BeNullOrEmpty();
        webhookEvent.ExtensionData.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Deserialize_CallCompletedFixture_ReadsEveryField()
    {
        var webhookEvent = (ClassetCallCompletedEvent)ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted));

        webhookEvent.CandidateId.Should().Be("12345");
        webhookEvent.CandidatePhone.Should().Be("+1234567890");
        webhookEvent.JobId.Should().Be("67890");
        webhookEvent.JobTitle.Should().Be("CDL Truck Driver");
        webhookEvent.CallStatus.Should().Be(ClassetCallStatus.CallCompleted);
        webhookEvent.CallId.Should().Be("abcdef123456");
        webhookEvent.RecordingUrl.Should().Be("https://example.com/recordings/abcdef123456.mp3");

        var entry = webhookEvent.Transcript.Should().ContainSingle().Subject;
        entry.Role.Should().Be("user");
        entry.Content.Should().Be("Hello?");
        var word = entry.Words.Should().ContainSingle().Subject;
        word.StartSeconds.Should().Be(0);
        word.EndSeconds.Should().Be(0.5m);
        word.Word.Should().Be("Hello?");
        word.Start.Should().Be(TimeSpan.Zero);
        word.End.Should().Be(TimeSpan.FromMilliseconds(500));

        var question = webhookEvent.Questions.Should().ContainSingle().Subject;
        question.Question.Should().Be("Are you older than the age of 18?");
        question.Answer.Should().Be("Yes, I am");

        var details = webhookEvent.CallDetails!;
        details.DurationSeconds.Should().Be(300);
        details.Duration.Should().Be(TimeSpan.FromMinutes(5));
        details.StartTimeUnixSeconds.Should().Be(1737073800);
        details.StartedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1737073800));
        details.EndTimeUnixSeconds.Should().Be(1737074100);
        details.EndedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1737074100));
        details.EndToEndLatencyMilliseconds.Should().Be(120);
        details.EndToEndLatency.Should().Be(TimeSpan.FromMilliseconds(120));
        details.OrgPhoneNumber.Should().Be("+1234567890");

        var analysis = details.CallAnalysis!;
        analysis.CallSummary.Should().StartWith("The AI voice bot interviewed John");
        analysis.UserSentiment.Should().Be(ClassetSentiment.Positive);
        analysis.AgentSentiment.Should().Be(ClassetSentiment.Positive);
        analysis.CallCompletionRating.Should().Be(ClassetCompletionRating.Complete);
        analysis.AgentTaskCompletionRating.Should().Be(ClassetCompletionRating.Complete);
        analysis.CallCompletionRatingReason.Should().Be("The call reached a natural conclusion and all necessary information was gathered.");
        analysis.AgentTaskCompletionRatingReason.Should().StartWith("The agent successfully gathered information");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Serialize_DeserializedFixture_EqualsFixtureAsJson(string fixture)
    {
        var text = ClassetFixtures.Text(fixture);

        var serialized = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(text));

        JsonSemanticAssert.Equal(text, serialized);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Serialize_DeserializedFixture_IsCompactAndStable(string fixture)
    {
        var once = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(fixture)));

        var twice = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(once));

        twice.Should().Be(once);
        once.Should().NotContain("\n").And.NotContain(": ");
    }

    [Fact]
    public void Serialize_InterviewUpdatedFixture_KeepsVendorTimestampForm()
    {
        var serialized = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated)));

        serialized.Should().Contain("\"interview_completed_at\":\"2025-04-15T16:00:00Z\"");
        serialized.Should().StartWith("{\"event\":\"candidate.interview.updated\",");
    }

    [Fact]
    public void Serialize_CallCompletedFixture_WritesNoEventProperty()
    {
        var serialized = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted)));

        using var document = JsonDocument.Parse(serialized);
        document.RootElement.TryGetProperty("event", out _).Should().BeFalse();
    }

    [Fact]
    public void Serialize_CompactVendorBody_ReproducesItByteForByte()
    {
        // What Classet actually sends: JSON.stringify of the documented example.
        var compact = Compact(ClassetFixtures.Text(ClassetFixtures.InterviewUpdated));

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(compact)).Should().Be(compact);
    }

    [Fact]
    public void Serialize_NonAsciiText_IsNotEscaped()
    {
        const string json = """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c1","interview_completed_at":null,"interview_sent_at":null,"interview_outcome":null,"interview_summary":"Zoë says <ok> & 'fine'","interview_custom_data":null}}""";

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(json)).Should().Be(json);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SerializeToUtf8Bytes_DeserializedFixture_MatchesSerialize(string fixture)
    {
        var webhookEvent = ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(fixture));

        Encoding.UTF8.GetString(ClassetWebhookSerializer.SerializeToUtf8Bytes(webhookEvent))
            .Should().Be(ClassetWebhookSerializer.Serialize(webhookEvent));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Deserialize_EveryInputForm_GivesTheSameEvent(string fixture)
    {
        var bytes = ClassetFixtures.Bytes(fixture);
        var expected = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(bytes));

        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(ClassetFixtures.Text(fixture))).Should().Be(expected);
        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(new ReadOnlySequence<byte>(bytes))).Should().Be(expected);
        ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(Segmented(bytes, 7))).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task DeserializeAsync_Stream_GivesTheSameEvent(string fixture)
    {
        var bytes = ClassetFixtures.Bytes(fixture);
        await using var stream = new MemoryStream(bytes);

        var webhookEvent = await ClassetWebhookSerializer.DeserializeAsync(stream);

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(bytes)));
    }

    [Fact]
    public async Task DeserializeAsync_StreamLargerThanLimit_ThrowsPayloadException()
    {
        await using var stream = new MemoryStream(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted));

        var act = async () => await ClassetWebhookSerializer.DeserializeAsync(stream, maxBytes: 100);

        (await act.Should().ThrowAsync<WebhookPayloadException>()).Which.Message.Should().Contain("100 bytes");
    }

    [Fact]
    public async Task DeserializeAsync_CancelledToken_ThrowsOperationCanceled()
    {
        await using var stream = new MemoryStream(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted));

        var act = async () => await ClassetWebhookSerializer.DeserializeAsync(stream, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void TryDeserialize_ValidBody_ReturnsTrueWithEvent()
    {
        ClassetWebhookSerializer.TryDeserialize(ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated), out var webhookEvent, out var error).Should().BeTrue();

        webhookEvent.Should().BeOfType<ClassetInterviewUpdatedEvent>();
        error.Should().BeNull();
    }

    [Fact]
    public void TryDeserialize_StringAndSequence_ReturnTrueWithEvent()
    {
        ClassetWebhookSerializer.TryDeserialize(ClassetFixtures.Text(ClassetFixtures.CallCompleted), out var fromString, out _).Should().BeTrue();
        ClassetWebhookSerializer.TryDeserialize(Segmented(ClassetFixtures.Bytes(ClassetFixtures.CallCompleted), 3), out var fromSequence, out _).Should().BeTrue();

        fromString.Should().BeOfType<ClassetCallCompletedEvent>();
        fromSequence.Should().BeOfType<ClassetCallCompletedEvent>();
    }

    [Fact]
    public void Deserialize_EventAfterData_StillDispatchesOnEvent()
    {
        const string json = """{"data":{"candidate_id":"c1"},"changes":{},"event":"candidate.interview.updated"}""";

        ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetInterviewUpdatedEvent>()
            .Which.Data.CandidateId.Should().Be("c1");
    }

    [Fact]
    public void Deserialize_NestedEventProperty_IsNotTheDiscriminator()
    {
        const string json = """{"data":{"event":"candidate.interview.updated"}}""";

        ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetUnknownEvent>().Which.EventType.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"call_id":"x"}""")]
    [InlineData("""{"call_status":"call_completed"}""")]
    [InlineData("""{"candidate_id":"1","call_id":null}""")]
    [InlineData("""{"event":"call_completed","call_id":"x"}""")]
    public void Deserialize_CallShapeWithoutEvent_ReturnsCallCompleted(string json)
    {
        ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetCallCompletedEvent>()
            .Which.EventType.Should().Be(ClassetEventTypes.CallCompleted);
    }

    [Fact]
    public void Deserialize_CallShapeWithOtherEvent_EventWins()
    {
        const string json = """{"event":"call.analyzed","call_id":"x"}""";

        ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetUnknownEvent>()
            .Which.EventType.Should().Be("call.analyzed");
    }

    [Fact]
    public void Deserialize_RepeatedEvent_LastOneWinsAsInJsonParse()
    {
        const string json = """{"event":"something.else","event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c"}}""";

        ClassetWebhookSerializer.Deserialize(json).Should().BeOfType<ClassetInterviewUpdatedEvent>();
    }

    [Fact]
    public void Deserialize_RepeatedPropertiesAtEveryLevel_LastOneWinsAsInJsonParse()
    {
        const string json = """{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"qualified"},"interview_outcome":{"from":"qualified","to":"unqualified"}},"data":{"candidate_id":"a","candidate_id":"b","extra":1,"extra":2},"data2":1,"data2":2}""";

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(json);

        webhookEvent.GetOutcomeChange()!.Value.To.Should().Be(ClassetInterviewOutcome.Unqualified);
        webhookEvent.Data.CandidateId.Should().Be("b");
        webhookEvent.Data.ExtensionData!["extra"].GetInt32().Should().Be(2);
        webhookEvent.ExtensionData!["data2"].GetInt32().Should().Be(2);
    }

    [Fact]
    public void Deserialize_ByteOrderMark_IsIgnored()
    {
        var bytes = "\uFEFF"u8.ToArray().Concat(ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated)).ToArray();

        ClassetWebhookSerializer.Deserialize(bytes).Should().BeOfType<ClassetInterviewUpdatedEvent>();
    }

    [Fact]
    public void Deserialize_NullsWhereClassetAllowsThem_AreNull()
    {
        const string json = """{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":"completed","to":null}},"data":{"candidate_id":"c","interview_completed_at":null,"interview_sent_at":null,"interview_outcome":null,"interview_summary":null,"interview_custom_data":null}}""";

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(json);

        webhookEvent.Data.InterviewCompletedAt.Should().BeNull();
        webhookEvent.Data.InterviewSentAt.Should().BeNull();
        webhookEvent.Data.InterviewOutcome.Should().BeNull();
        webhookEvent.Data.InterviewSummary.Should().BeNull();
        webhookEvent.Data.InterviewCustomData.Should().BeNull();
        webhookEvent.GetOutcomeChange().Should().Be(new ClassetChange<ClassetInterviewOutcome?>(ClassetInterviewOutcome.Completed, null));
        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(json);
    }

    [Fact]
    public void Deserialize_UnknownEvent_KeepsOwnedCopyOfWholeBody()
    {
        var bytes = """{"event":"candidate.interview.deleted","data":{"candidate_id":"c"}}"""u8.ToArray();

        var webhookEvent = ClassetWebhookSerializer.Deserialize(bytes);
        Array.Clear(bytes);

        var unknown = webhookEvent.Should().BeOfType<ClassetUnknownEvent>().Subject;
        unknown.EventType.Should().Be("candidate.interview.deleted");
        unknown.RawJson.GetProperty("data").GetProperty("candidate_id").GetString().Should().Be("c");
    }

    [Fact]
    public void Deserialize_SegmentedBody_OwnsItsValuesAfterTheBufferIsReused()
    {
        var bytes = ClassetFixtures.Bytes(ClassetFixtures.InterviewUpdated);

        var webhookEvent = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(Segmented(bytes, 5));
        var filler = ArrayPool<byte>.Shared.Rent(bytes.Length);
        filler.AsSpan().Fill((byte)'x');
        ArrayPool<byte>.Shared.Return(filler);

        webhookEvent.Changes["interview_completed_at"].To.GetString().Should().Be("2025-04-15T16:00:00Z");
        webhookEvent.Data.TryGetCustomBoolean("eligible_to_work", out var eligible).Should().BeTrue();
        eligible.Should().BeTrue();
    }

    [Fact]
    public void Deserialize_NullArgumentString_ThrowsArgumentNull()
    {
        var act = () => ClassetWebhookSerializer.Deserialize((string)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Serialize_Null_ThrowsArgumentNull()
    {
        var act = () => ClassetWebhookSerializer.Serialize(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Serialize_EventBuiltInCode_WritesDeclaredMembersInOrderWithoutNulls()
    {
        var webhookEvent = new ClassetInterviewUpdatedEvent
        {
            Changes = new Dictionary<string, ClassetFieldChange>(),
            Data = new ClassetInterviewData { CandidateId = "c9", InterviewOutcome = ClassetInterviewOutcome.Qualified },
        };

        ClassetWebhookSerializer.Serialize(webhookEvent).Should().Be(
            """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c9","interview_outcome":"qualified"}}""");
        ClassetWebhookSerializer.Deserialize(ClassetWebhookSerializer.Serialize(webhookEvent)).Should().Be(webhookEvent);
    }

    [Fact]
    public void ClassetCallCompletedEvent_IsObsoleteWithMigrationText()
    {
        var attribute = typeof(ClassetCallCompletedEvent).GetCustomAttributes(typeof(ObsoleteAttribute), inherit: false)
            .Cast<ObsoleteAttribute>().Should().ContainSingle().Subject;

        attribute.Message.Should().Contain("candidate.interview.updated").And.Contain(nameof(ClassetInterviewUpdatedEvent));
        attribute.IsError.Should().BeFalse();
    }

    internal static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentLength)
    {
        TestSegment? first = null;
        TestSegment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += segmentLength)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(segmentLength, bytes.Length - offset)).ToArray();
            var segment = new TestSegment(chunk, last?.RunningIndex + last?.Memory.Length ?? 0);
            last?.SetNext(segment);
            first ??= segment;
            last = segment;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class TestSegment : ReadOnlySequenceSegment<byte>
    {
        public TestSegment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(TestSegment next) => Next = next;
    }
}
