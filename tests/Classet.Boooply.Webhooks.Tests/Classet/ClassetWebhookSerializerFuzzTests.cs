using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Classet;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>
/// Deterministic byte-level mutation fuzzing: every mutation of every Classet body either parses (and then
/// re-serializes and re-parses) or throws <see cref="WebhookPayloadException"/>; nothing else may escape.
/// Set WEBHOOKS_FUZZ_ITERATIONS (per seed body) to run millions; WEBHOOKS_FUZZ_SEED to explore other sequences.
/// </summary>
public sealed class ClassetWebhookSerializerFuzzTests
{
    private const int DefaultIterations = 4_000;
    private const int DefaultSeed = 20260417;

    private static readonly byte[] Interesting = "{}[]\":,\\0123456789eE+-.tfnul \n"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF }).ToArray();

    private readonly ITestOutputHelper _output;

    public ClassetWebhookSerializerFuzzTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var name in ClassetFixtures.All)
        {
            data.Add(name);
            data.Add(name + ":compact");
        }

        data.Add("forward-compatible");
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Deserialize_MutatedBodies_ParseOrThrowPayloadExceptionOnly(string seedBody)
    {
        var original = SeedBytes(seedBody);
        var iterations = ReadSetting("WEBHOOKS_FUZZ_ITERATIONS", DefaultIterations);
        var seed = ReadSetting("WEBHOOKS_FUZZ_SEED", DefaultSeed) ^ StableHash(seedBody);
        var random = new Random(seed);
        var parsed = 0;
        var rejected = 0;

        for (var i = 0; i < iterations; i++)
        {
            var mutated = Mutate(original, random);
            try
            {
                var webhookEvent = ClassetWebhookSerializer.Deserialize(mutated);
                var again = ClassetWebhookSerializer.Deserialize(ClassetWebhookSerializer.SerializeToUtf8Bytes(webhookEvent));
                again.EventType.Should().Be(webhookEvent.EventType);
                ClassetWebhookSerializer.TryDeserialize(mutated, out _, out _).Should().BeTrue();
                parsed++;
            }
            catch (WebhookPayloadException exception)
            {
                exception.Path.Should().NotBeNull();
                ClassetWebhookSerializer.TryDeserialize(mutated, out _, out var error).Should().BeFalse();
                error!.Message.Should().Be(exception.Message);
                rejected++;
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"Mutation {i} of {seedBody} (seed {seed}) threw {exception.GetType().Name}. Body (base64): {Convert.ToBase64String(mutated)}",
                    exception);
            }
        }

        _output.WriteLine($"{seedBody}: {iterations} mutations, {parsed} parsed, {rejected} rejected.");
        (parsed + rejected).Should().Be(iterations);
        rejected.Should().BePositive("mutations must actually break bodies, or the test proves nothing");
    }

    internal static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var operations = random.Next(1, 5);
        for (var o = 0; o < operations; o++)
        {
            var position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[position] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(position, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(position, Math.Min(random.Next(1, 16), bytes.Count - position));
                    break;
                case 4 when bytes.Count > 0:
                    var length = Math.Min(random.Next(1, 64), bytes.Count - position);
                    var span = bytes.GetRange(position, length);
                    bytes.InsertRange(random.Next(bytes.Count + 1), span);
                    break;
                case 5 when bytes.Count > 0:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                default:
                    bytes.Insert(position, (byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] SeedBytes(string seedBody)
    {
        if (seedBody == "forward-compatible")
        {
            return Encoding.UTF8.GetBytes(ClassetForwardCompatibilityTests.InterviewWithEverythingNew);
        }

        var parts = seedBody.Split(':');
        return parts.Length == 2
            ? Encoding.UTF8.GetBytes(ClassetWebhookSerializerTests.Compact(ClassetFixtures.Text(parts[0])))
            : ClassetFixtures.Bytes(parts[0]);
    }

    private static int ReadSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
