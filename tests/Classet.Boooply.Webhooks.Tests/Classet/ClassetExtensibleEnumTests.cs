using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>
/// The extensible enums: known values (exactly those Classet's page shows), unknown values kept, equality. Comparison
/// is ordinal, as for Boooply's: Classet sends one spelling of each value.
/// </summary>
public sealed class ClassetExtensibleEnumTests
{
    public static TheoryData<string> OutcomeValues => new()
    {
        "candidate_not_interested", "ai_opt_out", "qualified", "unqualified", "candidate_not_responsive",
        "completed", "not_sent_unreachable", "not_sent_duplicate", "not_sent_already_completed", "ai_stopped_override",
    };

    [Theory]
    [MemberData(nameof(OutcomeValues))]
    public void ClassetInterviewOutcome_EveryDocumentedValue_IsKnown(string value)
    {
        ClassetInterviewOutcome outcome = value;

        outcome.IsKnown.Should().BeTrue();
        outcome.Value.Should().Be(value);
        outcome.ToString().Should().Be(value);
    }

    [Fact]
    public void ClassetInterviewOutcome_StaticValues_MatchTheDocumentedStrings()
    {
        new[]
        {
            ClassetInterviewOutcome.CandidateNotInterested, ClassetInterviewOutcome.AiOptOut, ClassetInterviewOutcome.Qualified,
            ClassetInterviewOutcome.Unqualified, ClassetInterviewOutcome.CandidateNotResponsive, ClassetInterviewOutcome.Completed,
            ClassetInterviewOutcome.NotSentUnreachable, ClassetInterviewOutcome.NotSentDuplicate,
            ClassetInterviewOutcome.NotSentAlreadyCompleted, ClassetInterviewOutcome.AiStoppedOverride,
        }.Select(o => o.Value).Should().Equal(OutcomeValues.Select<object[], string>(row => (string)row[0]));
    }

    [Fact]
    public void KnownValues_OfTheOtherEnums_AreKnown()
    {
        ClassetCallStatus.CallCompleted.Value.Should().Be("call_completed");
        ClassetSentiment.Positive.Value.Should().Be("Positive");
        ClassetSentiment.Neutral.Value.Should().Be("Neutral");
        ClassetSentiment.Negative.Value.Should().Be("Negative");
        ClassetCompletionRating.Complete.Value.Should().Be("Complete");
        new[]
        {
            ClassetCallStatus.CallCompleted.IsKnown, ClassetSentiment.Positive.IsKnown, ClassetSentiment.Neutral.IsKnown,
            ClassetSentiment.Negative.IsKnown, ClassetCompletionRating.Complete.IsKnown,
        }.Should().OnlyContain(known => known);
    }

    [Theory]
    [InlineData("Partial")]
    [InlineData("Incomplete")]
    public void CompletionRating_ValueThePageDoesNotShow_IsKeptButNotKnown(string value)
    {
        ClassetCompletionRating rating = value;

        rating.IsKnown.Should().BeFalse("Classet's page shows only Complete");
        rating.Value.Should().Be(value);
    }

    [Fact]
    public void UnknownValue_IsKeptAndNotKnown()
    {
        var sentiment = new ClassetSentiment("Ecstatic");

        sentiment.IsKnown.Should().BeFalse();
        sentiment.Value.Should().Be("Ecstatic");
        sentiment.Should().NotBe(ClassetSentiment.Positive);
    }

    [Fact]
    public void Equality_SameString_IsEqualWithSameHashCode()
    {
        ClassetSentiment a = "Positive";
        var b = ClassetSentiment.FromString("Positive");

        (a == b).Should().BeTrue();
        (a != b).Should().BeFalse();
        a.Equals(b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().Be(ClassetSentiment.Positive);
    }

    [Fact]
    public void Equality_DifferentCase_IsAnotherValue()
    {
        ClassetSentiment lower = "positive";

        (lower == ClassetSentiment.Positive).Should().BeFalse();
        lower.IsKnown.Should().BeFalse();
        lower.Value.Should().Be("positive");
        ((ClassetInterviewOutcome)"Qualified").IsKnown.Should().BeFalse();
        ((ClassetInterviewOutcome)"qualified").IsKnown.Should().BeTrue();
        ((ClassetInterviewOutcome)"qualified!").IsKnown.Should().BeFalse();
    }

    [Fact]
    public void Equality_OtherTypeOrNull_IsNotEqual()
    {
        ClassetCallStatus.CallCompleted.Equals((object)"call_completed").Should().BeFalse();
        ClassetCallStatus.CallCompleted.Equals((object?)null).Should().BeFalse();
    }

    [Fact]
    public void Equality_WithStringThroughImplicitConversion_ComparesValues()
    {
        (ClassetCallStatus.CallCompleted == "call_completed").Should().BeTrue();
        ClassetCallStatus.CallCompleted.Equals("call_completed").Should().BeTrue();
    }

    [Fact]
    public void Default_WrapsEmptyStringAndIsUnknown()
    {
        default(ClassetCompletionRating).Value.Should().BeEmpty();
        default(ClassetCompletionRating).ToString().Should().BeEmpty();
        default(ClassetCompletionRating).IsKnown.Should().BeFalse();
        default(ClassetCompletionRating).Should().Be(new ClassetCompletionRating(string.Empty));
    }

    [Fact]
    public void NullString_ThrowsArgumentNull_ForTheConstructorTheConversionAndFromString()
    {
        var construct = () => new ClassetInterviewOutcome(null!);
        var convert = () => (ClassetInterviewOutcome)(string)null!;
        var fromString = () => ClassetInterviewOutcome.FromString(null!);

        construct.Should().Throw<ArgumentNullException>();
        convert.Should().Throw<ArgumentNullException>();
        fromString.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Deserialize_UnknownEnumValuesEverywhere_AreKeptAndWrittenBack()
    {
        const string json = """{"call_status":"voicemail","call_details":{"call_analysis":{"user_sentiment":"Mixed","agent_sentiment":"positive","call_completion_rating":"Abandoned","agent_task_completion_rating":""}}}""";

        var serialized = ClassetWebhookSerializer.Serialize(ClassetWebhookSerializer.Deserialize(json));

        serialized.Should().Be(json);
    }

    [Fact]
    public void HashSetOfValues_UsesValueEquality()
    {
        var set = new HashSet<ClassetInterviewOutcome> { ClassetInterviewOutcome.Qualified, "qualified", "Qualified", "unqualified" };

        set.Should().HaveCount(3);
    }

    [Fact]
    public void ToString_InAnInterpolatedString_IsTheWireValue()
    {
        $"{ClassetInterviewOutcome.NotSentDuplicate}".Should().Be("not_sent_duplicate");
        JsonSerializer.Serialize(ClassetInterviewOutcome.AiOptOut.Value, ClassetTestJsonContext.Default.String).Should().Be("\"ai_opt_out\"");
    }
}
