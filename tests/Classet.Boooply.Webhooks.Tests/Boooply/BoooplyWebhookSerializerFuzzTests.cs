using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>
/// Deterministic mutation fuzzing: every mutated body parses or fails with <see cref="WebhookPayloadException"/>,
/// never anything else, and whatever parses re-serializes and parses again. Set
/// <c>WEBHOOKS_FUZZ_ITERATIONS</c> (per fixture) to run millions; the seed is fixed so a failure reproduces.
/// </summary>
public sealed class BoooplyWebhookSerializerFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 5_000;

    private static readonly byte[][] Tokens =
        [.. new[] { "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-", "1e400", "0.5", "\\u0000", "\\ud800", "\\", "99999999999999999999999999999999", "\"event\"", "\"data\"", "\"meetingCode\"", "\"interview.scores\"", "\"2026-13-45T99:99:99Z\"" }
            .Select(Encoding.UTF8.GetBytes), [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80]];

    public static TheoryData<string> FixtureNames => new(BoooplyTestData.AllFixtures);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Deserialize_MutatedFixture_ParsesOrThrowsPayloadExceptionOnly(string fixture)
    {
        var original = BoooplyTestData.Fixture(fixture);
        var iterations = Iterations();
        var random = new Random(20260321 + Array.IndexOf(BoooplyTestData.AllFixtures, fixture));
        var parsed = 0;
        var rejected = 0;

        for (var i = 0; i < iterations; i++)
        {
            var mutated = Mutate(original, random);
            try
            {
                var webhookEvent = BoooplyWebhookSerializer.Deserialize(mutated);
                var again = BoooplyWebhookSerializer.Deserialize(BoooplyWebhookSerializer.SerializeToUtf8Bytes(webhookEvent));
                again.GetType().Should().Be(webhookEvent.GetType());
                again.IdempotencyKey.Should().Be(webhookEvent.IdempotencyKey);
                parsed++;
            }
            catch (WebhookPayloadException)
            {
                rejected++;
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"Iteration {i} of {fixture} threw {exception.GetType().Name}; body (base64): {Convert.ToBase64String(mutated)}", exception);
            }

            BoooplyWebhookSerializer.TryDeserialize(mutated, out _, out _);
        }

        output.WriteLine($"{fixture}: {iterations} mutations, {parsed} parsed, {rejected} rejected");
        (parsed + rejected).Should().Be(iterations);
        rejected.Should().BeGreaterThan(0, "most mutations break the body");
        parsed.Should().BeGreaterThan(0, "some mutations only change values");
    }

    private static int Iterations() =>
        int.TryParse(Environment.GetEnvironmentVariable("WEBHOOKS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : DefaultIterations;

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 5:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 6:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    // Swap a digit for another keeps most bodies valid, so the binder sees new values too.
                    var digit = bytes.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        bytes[digit] = (byte)('0' + random.Next(10));
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
