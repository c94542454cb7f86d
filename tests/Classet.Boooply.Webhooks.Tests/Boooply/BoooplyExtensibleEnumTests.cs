using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>
/// Boooply's extensible enums know exactly the values Boooply's page shows; anything else is kept, unknown. Equality
/// is ordinal: Boooply sends one spelling of each value.
/// </summary>
public sealed class BoooplyExtensibleEnumTests
{
    [Fact]
    public void KnownValues_AreExactlyTheValuesBoooplysPageShows()
    {
        BoooplyMeetingType.AiOnly.Value.Should().Be("AI_ONLY");
        new[] { BoooplyRecommendation.StrongPass, BoooplyRecommendation.Pass, BoooplyRecommendation.Review, BoooplyRecommendation.Fail, BoooplyRecommendation.StrongFail }
            .Select(v => v.Value).Should().Equal("STRONG_PASS", "PASS", "REVIEW", "FAIL", "STRONG_FAIL");
        BoooplyConfidenceLevel.High.Value.Should().Be("HIGH");
        new[] { BoooplyQuickDecision.Advance, BoooplyQuickDecision.Hold, BoooplyQuickDecision.Reject }.Select(v => v.Value).Should().Equal("ADVANCE", "HOLD", "REJECT");
        new[] { BoooplyRedFlagSeverity.Critical, BoooplyRedFlagSeverity.Warning }.Select(v => v.Value).Should().Equal("CRITICAL", "WARNING");
        new[] { BoooplySentimentLevel.High, BoooplySentimentLevel.Low }.Select(v => v.Value).Should().Equal("HIGH", "LOW");
        BoooplyAuthenticity.Genuine.Value.Should().Be("GENUINE");
        BoooplyRecordingFormat.Mp4.Value.Should().Be("mp4");
    }

    [Theory]
    [InlineData("MEDIUM")]
    [InlineData("LOW")]
    public void ConfidenceLevel_ValueThePageDoesNotShow_IsKeptButNotKnown(string value)
    {
        BoooplyConfidenceLevel level = value;

        level.IsKnown.Should().BeFalse("Boooply's page shows only HIGH for confidenceLevel");
        level.Value.Should().Be(value);
    }

    [Fact]
    public void SentimentLevel_Medium_IsKeptButNotKnown()
    {
        BoooplySentimentLevel level = "MEDIUM";

        level.IsKnown.Should().BeFalse("Boooply's page shows only HIGH (enthusiasm) and LOW (stress level)");
        BoooplySentimentLevel.High.IsKnown.Should().BeTrue();
        BoooplySentimentLevel.Low.IsKnown.Should().BeTrue();
    }

    [Fact]
    public void Equality_IsOrdinal_SoAnotherSpellingIsAnotherValue()
    {
        BoooplyRecommendation lower = "strong_pass";

        (lower == BoooplyRecommendation.StrongPass).Should().BeFalse();
        lower.Equals((object)BoooplyRecommendation.StrongPass).Should().BeFalse();
        lower.IsKnown.Should().BeFalse();
        lower.ToString().Should().Be("strong_pass");
        ((BoooplyRecordingFormat)"MP4").Should().NotBe(BoooplyRecordingFormat.Mp4);
        ((BoooplyRecommendation)"STRONG_PASS").Should().Be(BoooplyRecommendation.StrongPass);
        ((BoooplyRecommendation)"STRONG_PASS").GetHashCode().Should().Be(BoooplyRecommendation.StrongPass.GetHashCode());
        new HashSet<BoooplyRedFlagSeverity> { BoooplyRedFlagSeverity.Critical, "CRITICAL", "critical" }.Should().HaveCount(2);
    }

    [Fact]
    public void UnknownValue_IsKeptAndNotKnown()
    {
        var value = BoooplyQuickDecision.FromString("ESCALATE");

        value.IsKnown.Should().BeFalse();
        value.Value.Should().Be("ESCALATE");
        value.Should().NotBe(BoooplyQuickDecision.Hold);
    }

    [Fact]
    public void Default_HasEmptyValueAndIsNotKnown()
    {
        default(BoooplySentimentLevel).Value.Should().BeEmpty();
        default(BoooplySentimentLevel).IsKnown.Should().BeFalse();
        default(BoooplySentimentLevel).ToString().Should().BeEmpty();
        default(BoooplySentimentLevel).Should().Be(new BoooplySentimentLevel(string.Empty));
    }

    [Fact]
    public void NullString_ThrowsArgumentNull_ForTheConstructorTheConversionAndFromString()
    {
        var construct = () => new BoooplyAuthenticity(null!);
        var convert = () => (BoooplyAuthenticity)(string)null!;
        var fromString = () => BoooplyAuthenticity.FromString(null!);

        construct.Should().Throw<ArgumentNullException>();
        convert.Should().Throw<ArgumentNullException>();
        fromString.Should().Throw<ArgumentNullException>();
    }
}
