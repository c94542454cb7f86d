using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

public sealed class BoooplyExtensibleEnumTests
{
    [Fact]
    public void KnownValues_MatchVendorStrings()
    {
        BoooplyMeetingType.AiOnly.Value.Should().Be("AI_ONLY");
        new[] { BoooplyRecommendation.StrongPass, BoooplyRecommendation.Pass, BoooplyRecommendation.Review, BoooplyRecommendation.Fail, BoooplyRecommendation.StrongFail }
            .Select(v => v.Value).Should().Equal("STRONG_PASS", "PASS", "REVIEW", "FAIL", "STRONG_FAIL");
        new[] { BoooplyConfidenceLevel.High, BoooplyConfidenceLevel.Medium, BoooplyConfidenceLevel.Low }.Select(v => v.Value).Should().Equal("HIGH", "MEDIUM", "LOW");
        new[] { BoooplyQuickDecision.Advance, BoooplyQuickDecision.Hold, BoooplyQuickDecision.Reject }.Select(v => v.Value).Should().Equal("ADVANCE", "HOLD", "REJECT");
        new[] { BoooplyRedFlagSeverity.Critical, BoooplyRedFlagSeverity.Warning }.Select(v => v.Value).Should().Equal("CRITICAL", "WARNING");
        new[] { BoooplySentimentLevel.High, BoooplySentimentLevel.Medium, BoooplySentimentLevel.Low }.Select(v => v.Value).Should().Equal("HIGH", "MEDIUM", "LOW");
        BoooplyAuthenticity.Genuine.Value.Should().Be("GENUINE");
        BoooplyRecordingFormat.Mp4.Value.Should().Be("mp4");
    }

    [Fact]
    public void Equality_IgnoresCaseButKeepsText()
    {
        BoooplyRecommendation lower = "strong_pass";

        (lower == BoooplyRecommendation.StrongPass).Should().BeTrue();
        lower.Equals((object)BoooplyRecommendation.StrongPass).Should().BeTrue();
        lower.GetHashCode().Should().Be(BoooplyRecommendation.StrongPass.GetHashCode());
        lower.IsKnown.Should().BeTrue();
        lower.ToString().Should().Be("strong_pass");
        (lower != BoooplyRecommendation.Pass).Should().BeTrue();
        ((BoooplyRecordingFormat)"MP4").Should().Be(BoooplyRecordingFormat.Mp4);
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
        ((BoooplySentimentLevel)(string?)null).Should().Be(default(BoooplySentimentLevel));
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNull()
    {
        var act = () => new BoooplyAuthenticity(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Value_InDictionary_FoundIgnoringCase()
    {
        var counts = new Dictionary<BoooplyRedFlagSeverity, int> { [BoooplyRedFlagSeverity.Critical] = 1 };

        counts.Should().ContainKey("critical");
        JsonSerializer.Serialize(BoooplyRedFlagSeverity.Critical.Value).Should().Be("\"CRITICAL\"");
    }
}
