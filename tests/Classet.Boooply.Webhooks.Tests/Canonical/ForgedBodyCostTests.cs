using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// What a forged delivery (a well-formed signature from the wrong secret) can make the verifiers and the mismatch hint
/// allocate. The bound is twice the body per request, whatever the body's shape; the canonical path used to build
/// a tree of the body that cost 10 to 80 times it. Measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// around a warmed-up loop, so pooled buffers reused from one call to the next count as nothing, as in a server.
/// </summary>
public sealed class ForgedBodyCostTests
{
    private const int Iterations = 3;

    public static TheoryData<string> Bodies => ["3 KB evaluation", "1 MiB of small values", "4 MiB pretty non-ASCII transcript", "256 KiB of 1e20 numbers"];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void BoooplyVerify_ForgedBodyWithCanonicalAllowed_AllocatesLessThanTwiceTheBody(string name)
    {
        var body = ForgedBodies.Get(name);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_real", "whsec_rotated" }, AllowCanonicalJsonSignatures = true });
        var signature = BoooplyWebhookSigner.Sign(body, "whsec_forger");

        var perCall = Measure(() => verifier.Verify(body, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch));

        perCall.Should().BeLessThan(2L * body.Length);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ClassetVerify_ForgedBodyWithCanonicalAllowed_AllocatesLessThanTwiceTheBody(string name)
    {
        var body = ForgedBodies.Get(name);
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { "real" }, AllowCanonicalJsonSignatures = true });
        var signature = ClassetWebhookSigner.Sign(body, "forger");

        var perCall = Measure(() => verifier.Verify(body, signature).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch));

        perCall.Should().BeLessThan(2L * body.Length);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void IsCompactCanonicalJson_AnyBody_AllocatesNothing(string name)
    {
        var body = ForgedBodies.Get(name);

        Measure(() => WebhookJsonDiagnostics.IsCompactCanonicalJson(body)).Should().Be(0);
    }

    private static long Measure(Action action)
    {
        action();
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
    }

    private static long Measure(Func<bool> action) => Measure(() => { _ = action(); });
}

/// <summary>The forged bodies of <see cref="ForgedBodyCostTests"/>, built once.</summary>
internal static class ForgedBodies
{
    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static byte[] Get(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var body))
            {
                body = name switch
                {
                    "3 KB evaluation" => Encoding.UTF8.GetBytes(CanonicalTestBodies.ReadText("Boooply/interview-evaluation.json")),
                    "1 MiB of small values" => SmallValues(1024 * 1024),
                    "4 MiB pretty non-ASCII transcript" => PrettyTranscript(4 * 1024 * 1024),
                    "256 KiB of 1e20 numbers" => Repeated("{\"n\":[", "1e20", "]}", 256 * 1024),
                    _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
                };
                Cache[name] = body;
            }

            return body;
        }
    }

    /// <summary><c>[0,0,0,…]</c> of exactly <paramref name="size"/> bytes: the shape that made a tree the most expensive.</summary>
    public static byte[] SmallValues(int size)
    {
        var builder = new StringBuilder(size).Append('[');
        while (builder.Length < size - 3)
        {
            builder.Append("0,");
        }

        builder.Append(builder.Length == size - 3 ? "10]" : "0]");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>A pretty-printed transcript with accents, CJK and emoji, about <paramref name="size"/> bytes.</summary>
    public static byte[] PrettyTranscript(int size)
    {
        var builder = new StringBuilder(size);
        builder.Append("{\n  \"event\": \"interview.transcript\",\n  \"data\": {\n    \"meetingCode\": \"Boooply-AI-1\",\n    \"transcript\": [\n");
        const string Entry = "      {\n        \"speaker\": \"Zoë Doe\",\n        \"text\": \"Café, naïve, 面接 😀 — I've used React for 5 years.\",\n        \"startMs\": 1000000\n      }";
        var bytes = Encoding.UTF8.GetByteCount(builder.ToString());
        var entryBytes = Encoding.UTF8.GetByteCount(Entry) + 2;
        for (var i = 0; bytes + entryBytes < size - 100; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",\n").Append(Entry);
            bytes += entryBytes;
        }

        builder.Append("\n    ],\n    \"timestamp\": \"2026-03-21T18:30:00.000Z\"\n  }\n}\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary><paramref name="prefix"/>, then <paramref name="item"/> comma-separated until about <paramref name="size"/> bytes, then <paramref name="suffix"/>.</summary>
    public static byte[] Repeated(string prefix, string item, string suffix, int size)
    {
        var builder = new StringBuilder(size + item.Length + suffix.Length).Append(prefix).Append(item);
        while (builder.Length + item.Length + 1 + suffix.Length <= size)
        {
            builder.Append(',').Append(item);
        }

        return Encoding.UTF8.GetBytes(builder.Append(suffix).ToString());
    }
}
