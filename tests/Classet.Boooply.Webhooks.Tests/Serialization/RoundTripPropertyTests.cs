using System.Globalization;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Tests.Boooply;
using Classet.Boooply.Webhooks.Tests.Classet;
using Classet.Boooply.Webhooks.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Tests.Serialization;

/// <summary>
/// For thousands of variants of every documented example (members reordered, added, nulled or removed, numbers and
/// timestamps respelled): a body that parses serializes back to itself byte for byte, parses again to an equal event
/// with the same hash code, and a body that does not parse fails with a <see cref="WebhookPayloadException"/> only.
/// </summary>
public sealed class RoundTripPropertyTests
{
    // WEBHOOKS_FUZZ_ITERATIONS (as for the fuzz tests) runs more; the seeds are fixed, so a failure reproduces.
    private static readonly int VariantsPerFixture =
        int.TryParse(Environment.GetEnvironmentVariable("WEBHOOKS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 400;

    public static TheoryData<string> BoooplyFixtures() => new(BoooplyTestData.AllFixtures);

    [Theory]
    [MemberData(nameof(BoooplyFixtures))]
    public void Boooply_Variants_RoundTripByteForByte(string fixture)
    {
        var compact = WireText.Minify(BoooplyTestData.FixtureText(fixture));
        var random = new Random(fixture.Sum(c => c));
        var parsed = 0;
        for (var i = 0; i < VariantsPerFixture; i++)
        {
            var variant = WireMutator.Mutate(compact, random, 1 + random.Next(6));
            if (!BoooplyWebhookSerializer.TryDeserialize(variant, out var webhookEvent, out var error))
            {
                error.InnerException.Should().BeNull(variant);
                continue;
            }

            parsed++;
            var written = BoooplyWebhookSerializer.Serialize(webhookEvent);
            written.Should().Be(variant);
            var again = BoooplyWebhookSerializer.Deserialize(written);
            again.Should().Be(webhookEvent, variant);
            again.GetHashCode().Should().Be(webhookEvent.GetHashCode(), variant);
        }

        parsed.Should().BeGreaterThan(VariantsPerFixture / 2, "most variants must parse, or the property says little");
    }

    [Theory]
    [MemberData(nameof(ClassetFixtures.Names), MemberType = typeof(ClassetFixtures))]
    public void Classet_Variants_RoundTripByteForByte(string fixture)
    {
        var compact = WireText.Minify(ClassetFixtures.Text(fixture));
        var random = new Random(fixture.Sum(c => c));
        var parsed = 0;
        for (var i = 0; i < VariantsPerFixture; i++)
        {
            var variant = WireMutator.Mutate(compact, random, 1 + random.Next(6));
            if (!ClassetWebhookSerializer.TryDeserialize(variant, out var webhookEvent, out var error))
            {
                error.InnerException.Should().BeNull(variant);
                continue;
            }

            parsed++;
            var written = ClassetWebhookSerializer.Serialize(webhookEvent);
            written.Should().Be(variant);
            var again = ClassetWebhookSerializer.Deserialize(written);
            again.Should().Be(webhookEvent, variant);
            again.GetHashCode().Should().Be(webhookEvent.GetHashCode(), variant);
        }

        parsed.Should().BeGreaterThan(VariantsPerFixture / 2, "most variants must parse, or the property says little");
    }
}
