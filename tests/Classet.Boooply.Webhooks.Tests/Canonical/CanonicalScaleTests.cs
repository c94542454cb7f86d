using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// The canonical writers at the sizes and shapes that once cost a tree per attempt, checked byte for byte against real
/// node and python3: an object of 100,000 keys with index keys among them (duplicate detection and key reordering at
/// scale), index keys to reorder at every one of 64 nesting levels around a large array (the rearranging moves bytes
/// once per level), many small objects that each need reordering, and a non-ASCII body whose Python form outgrows the
/// pooled buffer (hashed on the way, then written whole once it verifies).
/// </summary>
public sealed class CanonicalScaleTests
{
    public static TheoryData<string> Shapes => ["100k keys with index keys among them", "index keys to move at 64 levels", "many small objects to reorder"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CanonicalWriters_LargeBody_MatchNodeAndPythonByteForByte(string shape)
    {
        var body = ScaleBodies.Get(shape);

        var node = ReferenceRuntimes.JavaScriptCanonical([body])[0];
        var python = ReferenceRuntimes.PythonCanonical([body])[0];

        node.Should().NotBeNull();
        python.Should().NotBeNull();
        CanonicalJsonWritersTests.WriteJavaScript(body).AsSpan().SequenceEqual(node).Should().BeTrue("our JavaScript form of '{0}' must be node's", shape);
        CanonicalJsonWritersTests.WritePython(body).AsSpan().SequenceEqual(python).Should().BeTrue("our Python form of '{0}' must be python3's", shape);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BoooplyVerify_LargeBodyReformattedAfterSigning_VerifiesThroughTheCanonicalForms(string shape)
    {
        var body = ScaleBodies.Get(shape);
        var node = ReferenceRuntimes.JavaScriptCanonical([body])[0]!;
        var python = ReferenceRuntimes.PythonCanonical([body])[0]!;
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_scale" }, AllowCanonicalJsonSignatures = true });

        var javaScript = verifier.Verify(body, BoooplyWebhookSigner.Sign(node, "whsec_scale"));
        var pythonResult = verifier.Verify(body, BoooplyWebhookSigner.Sign(python, "whsec_scale"));

        // Where a form equals the body (compact ASCII without reordering, Python's for small objects) the raw body verifies.
        javaScript.IsVerified.Should().BeTrue();
        javaScript.GetSignedBody(body).Span.SequenceEqual(node).Should().BeTrue();
        pythonResult.IsVerified.Should().BeTrue();
        pythonResult.GetSignedBody(body).Span.SequenceEqual(python).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ClassetVerify_LargeForgedBody_AllocatesLessThanTwiceTheBody(string shape)
    {
        var body = ScaleBodies.Get(shape);
        var verifier = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { "real" }, AllowCanonicalJsonSignatures = true });
        var forged = ClassetWebhookSigner.Sign(body, "forger");
        verifier.Verify(body, forged).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);

        var before = GC.GetAllocatedBytesForCurrentThread();
        verifier.Verify(body, forged).Status.Should().Be(WebhookVerificationStatus.SignatureMismatch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(2L * body.Length);
    }

    [Fact]
    public void BoooplyVerify_DuplicateKeyAtTheEndOfA100kKeyObject_IsRefused()
    {
        var body = ScaleBodies.Get("100k keys with index keys among them");
        var duplicated = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body)[..^1] + ",\"k4\":0}");
        var node = ReferenceRuntimes.JavaScriptCanonical([duplicated])[0]!;
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_scale" }, AllowCanonicalJsonSignatures = true });

        verifier.Verify(duplicated, BoooplyWebhookSigner.Sign(node, "whsec_scale")).Should().Be(WebhookVerificationResult.Mismatch);
    }

    [Fact]
    public void BoooplyVerify_NonAsciiBodyWhosePythonFormOutgrowsTheBuffer_VerifiesWithTheWholeForm()
    {
        // ensure_ascii turns each 2- or 3-byte character into six bytes, so the form is about three times the body and
        // passes through the buffer in pieces; once verified it is written again, whole, to hand on.
        var body = Encoding.UTF8.GetBytes("{\"event\":\"interview.transcript\",\"text\":[" + string.Join(",", Enumerable.Repeat("\"Zoë éèêëàâ 面接 😀\"", 8000)) + "]}");
        var python = ReferenceRuntimes.PythonCanonical([body])[0]!;
        python.Length.Should().BeGreaterThan(2 * body.Length);
        var verifier = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { "whsec_other", "whsec_scale" }, AllowCanonicalJsonSignatures = true });

        var result = verifier.Verify(body, BoooplyWebhookSigner.Sign(python, "whsec_scale"));
        var forged = verifier.Verify(body, BoooplyWebhookSigner.Sign(python, "whsec_forger"));

        result.Method.Should().Be(WebhookVerificationMethod.CanonicalPython);
        result.SecretIndex.Should().Be(1);
        result.CanonicalBody.Span.SequenceEqual(python).Should().BeTrue();
        forged.Should().Be(WebhookVerificationResult.Mismatch);
    }
}

/// <summary>The large bodies of <see cref="CanonicalScaleTests"/>, built once.</summary>
internal static class ScaleBodies
{
    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static byte[] Get(string shape)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(shape, out var body))
            {
                body = Encoding.UTF8.GetBytes(shape switch
                {
                    "100k keys with index keys among them" => ManyKeys(100_000),
                    "index keys to move at 64 levels" => DeepReorder(64, 256 * 1024),
                    "many small objects to reorder" => SmallObjects(256 * 1024),
                    _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
                });
                Cache[shape] = body;
            }

            return body;
        }
    }

    /// <summary>One object: every third key an integer-like one, in a shuffled order (seeded), the others names.</summary>
    private static string ManyKeys(int count)
    {
        var random = new Random(20260321);
        var indices = Enumerable.Range(0, count / 3).Select(i => i * 7).OrderBy(_ => random.Next()).ToArray();
        var builder = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "" : ", ");
            if (i % 3 == 2 && i / 3 < indices.Length)
            {
                builder.Append('"').Append(indices[i / 3]).Append("\": ").Append(i);
            }
            else
            {
                builder.Append("\"k").Append(i).Append("\": \"v\\u00e9").Append(i % 10).Append('"');
            }
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Objects nested <paramref name="depth"/> deep around a large array, each ending with index keys.</summary>
    private static string DeepReorder(int depth, int arrayBytes)
    {
        var builder = new StringBuilder();
        for (var level = 1; level < depth; level++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append('[').Append(string.Join(",", Enumerable.Repeat("1.50", arrayBytes / 5))).Append(']');
        for (var level = 1; level < depth; level++)
        {
            builder.Append(",\"").Append(level * 3).Append("\":").Append(level).Append(",\"").Append(level).Append("\":0}");
        }

        return builder.ToString();
    }

    /// <summary>An array of small objects whose index keys come after a name, about <paramref name="size"/> characters.</summary>
    private static string SmallObjects(int size)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; builder.Length < size; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("{\"name\":\"x\",\"10\":").Append(i).Append(",\"2\":true}");
        }

        return builder.Append(']').ToString();
    }
}
