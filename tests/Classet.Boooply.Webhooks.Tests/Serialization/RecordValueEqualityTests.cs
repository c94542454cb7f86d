using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.Boooply;
using Classet.Boooply.Webhooks.Tests.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>
/// One rule for every payload record: immutable (init-only members; lists and maps read-only and copied on the way
/// in) and equal by value, lists, maps and raw JSON included. How the wire spelled a value is not part of it.
/// </summary>
public sealed class RecordValueEqualityTests
{
    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in BoooplyTestData.AllFixtures)
        {
            data.Add("boooply/" + fixture);
        }

        foreach (var fixture in ClassetFixtures.All)
        {
            data.Add("classet/" + fixture);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void SameBodyParsedTwice_EveryRecordIsEqualWithTheSameHashCode(string body)
    {
        var first = Parse(body);
        var second = Parse(body);

        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        var firstRecords = PayloadGraph.Records(first).ToList();
        var secondRecords = PayloadGraph.Records(second).ToList();
        firstRecords.Should().HaveCountGreaterThan(1);
        for (var i = 0; i < firstRecords.Count; i++)
        {
            firstRecords[i].Should().NotBeSameAs(secondRecords[i]);
            firstRecords[i].Should().Be(secondRecords[i], firstRecords[i].GetType().Name);
            firstRecords[i].GetHashCode().Should().Be(secondRecords[i].GetHashCode(), firstRecords[i].GetType().Name);
        }
    }

    [Fact]
    public void DifferentValueDeepInAList_IsNotEqual()
    {
        var text = BoooplyTestData.FixtureText(BoooplyTestData.Evaluation);
        var first = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(text);
        var second = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(text.Replace("\"rating\": 4", "\"rating\": 5", StringComparison.Ordinal));

        second.Data.SkillsAssessment![0].Rating.Should().Be(5);
        first.Should().NotBe(second);
        first.Data.SkillsAssessment.Should().NotBeEquivalentTo(second.Data.SkillsAssessment);
    }

    [Theory]
    [InlineData("\"meetingStatistics\":{\"a\":1}", "\"meetingStatistics\":{\"a\":2}")]
    [InlineData("\"x\":[1,2]", "\"x\":[2,1]")]
    [InlineData("\"x\":1", "\"y\":1")]
    [InlineData("\"transcript\":[]", "\"transcript\":[null]")]
    public void DifferentRawJsonOrUnknownMembers_AreNotEqual(string one, string other)
    {
        var first = BoooplyWebhookSerializer.Deserialize(Scores(one));
        var second = BoooplyWebhookSerializer.Deserialize(Scores(other));

        first.Should().NotBe(second);
    }

    [Theory]
    [InlineData("\"overallRating\":3", "\"overallRating\":3.00")]
    [InlineData("\"overallRating\":100", "\"overallRating\":1E2")]
    [InlineData("\"timestamp\":\"2026-03-21T18:35:00.000Z\"", "\"timestamp\":\"2026-03-21T18:35:00Z\"")]
    [InlineData("\"timestamp\":\"2026-03-21T18:35:00Z\"", "\"timestamp\":\"2026-03-21T14:35:00-04:00\"")]
    [InlineData("\"candidateName\":\"Zo\\u00eb\"", "\"candidateName\":\"Zoë\"")]
    [InlineData("\"x\":{\"a\":1,\"b\":2.0}", "\"x\":{\"b\":2,\"a\":1}")]
    [InlineData("\"source\":null", "")]
    public void SameValuesSpelledDifferently_AreEqual(string one, string other)
    {
        var first = BoooplyWebhookSerializer.Deserialize(Scores(one));
        var second = BoooplyWebhookSerializer.Deserialize(Scores(other));

        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        BoooplyWebhookSerializer.Serialize(first).Should().NotBe(BoooplyWebhookSerializer.Serialize(second), "each keeps its own spelling");
    }

    [Fact]
    public void RecordBuiltInCode_EqualsTheSameValuesParsed()
    {
        var parsed = (ClassetInterviewUpdatedEvent)ClassetWebhookSerializer.Deserialize(
            """{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"completed"}},"data":{"candidate_id":"c","interview_custom_data":{"ok":true}}}""");

        var built = new ClassetInterviewUpdatedEvent
        {
            Changes = new Dictionary<string, ClassetFieldChange>
            {
                ["interview_outcome"] = new() { From = Json("null"), To = Json("\"completed\"") },
            },
            Data = new ClassetInterviewData { CandidateId = "c", InterviewCustomData = Json("{\"ok\":true}") },
        };

        built.Should().Be(parsed);
        built.GetHashCode().Should().Be(parsed.GetHashCode());
    }

    [Fact]
    public void ListsAndMapsGivenInCode_AreCopiedSoChangingThemLaterChangesNothing()
    {
        var words = new List<ClassetTranscriptWord> { new() { Word = "Hello?" } };
        var extension = new Dictionary<string, JsonElement> { ["a"] = Json("1") };
        var entry = new ClassetTranscriptEntry { Words = words, ExtensionData = extension };
        var copy = entry with { };

        words.Add(new ClassetTranscriptWord { Word = "again" });
        extension["b"] = Json("2");

        entry.Words.Should().ContainSingle();
        entry.ExtensionData.Should().ContainSingle();
        entry.Should().Be(copy);
    }

    [Fact]
    public void ListsAndMaps_CannotBeChangedThroughTheRecord()
    {
        var webhookEvent = (BoooplyEvaluationEvent)BoooplyWebhookSerializer.Deserialize(
            BoooplyTestData.FixtureText(BoooplyTestData.Evaluation).Replace("\"timestamp\"", "\"extra\": 1, \"timestamp\"", StringComparison.Ordinal));

        webhookEvent.Data.ExtensionData.Should().NotBeNull().And.NotBeAssignableTo<IDictionary<string, JsonElement>>();
        webhookEvent.Data.RedFlags.Should().NotBeAssignableTo<IList<BoooplyRedFlag>>();
        webhookEvent.Data.NextSteps!.QuestionsToAsk.Should().NotBeAssignableTo<ICollection<string>>();
    }

    public static TheoryData<Type> RecordTypes() => new(PayloadGraph.RecordTypes());

    public static TheoryData<Type> ConcreteRecordTypes() => new(PayloadGraph.RecordTypes().Where(type => !type.IsAbstract));

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void EveryPublicMember_IsGetOnlyOrInitOnly(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } setter)
            {
                setter.ReturnParameter.GetRequiredCustomModifiers().Should().Contain(typeof(IsExternalInit), $"{type.Name}.{property.Name} must be init-only");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConcreteRecordTypes))]
    public void ExtensionData_IsAReadOnlyMapWithAnInitAccessor(Type type)
    {
        var property = type.GetProperty("ExtensionData");
        if (property is null)
        {
            // Unknown events keep the whole body instead.
            type.GetProperty("RawJson").Should().NotBeNull(type.Name);
            return;
        }

        property.PropertyType.Should().Be<IReadOnlyDictionary<string, JsonElement>>(type.Name);
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Should().Contain(typeof(IsExternalInit), type.Name);
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Numbers_AreLongOrDecimal(Type type)
    {
        // The rule: a count or time the vendor shows as a whole number is long?; every other number (scores, ratings,
        // fractional times) is decimal?. No double or int, in either vendor.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var underlying = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            underlying.Should().NotBe<double>($"{type.Name}.{property.Name}");
            underlying.Should().NotBe<float>($"{type.Name}.{property.Name}");
            underlying.Should().NotBe<int>($"{type.Name}.{property.Name}");
        }
    }

    private static object Parse(string body) => body.StartsWith("boooply/", StringComparison.Ordinal)
        ? BoooplyWebhookSerializer.Deserialize(BoooplyTestData.Fixture(body["boooply/".Length..]))
        : ClassetWebhookSerializer.Deserialize(ClassetFixtures.Bytes(body["classet/".Length..]));

    private static string Scores(string members) =>
        "{\"event\":\"interview.scores\",\"data\":{\"meetingCode\":\"m\"" + (members.Length > 0 ? "," + members : string.Empty) + "}}";

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
