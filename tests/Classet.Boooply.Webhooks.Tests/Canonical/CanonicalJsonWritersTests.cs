using System.Text;
using System.Text.Unicode;
using Classet.Boooply.Webhooks.Internal.Canonical;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>Our canonical bytes against real node and python3, byte for byte, over the corpus.</summary>
public sealed class CanonicalJsonWritersTests : IClassFixture<ReferenceOutputsFixture>
{
    private readonly ReferenceOutputsFixture _reference;

    public CanonicalJsonWritersTests(ReferenceOutputsFixture reference)
    {
        _reference = reference;
    }

    public static TheoryData<int, string> AcceptedCases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < CanonicalCorpus.Accepted.Count; i++)
        {
            data.Add(i, CanonicalCorpus.Accepted[i].Name);
        }

        return data;
    }

    public static TheoryData<string> RejectedCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in CanonicalCorpus.Rejected)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void JavaScriptWriter_CorpusBody_MatchesNodeJsonStringifyByteForByte(int index, string name)
    {
        var body = CanonicalCorpus.Accepted[index].Body;
        var expected = _reference.JavaScript(index);
        expected.Should().NotBeNull($"node must accept corpus case '{name}'");

        var actual = WriteJavaScript(body);

        actual.Should().NotBeNull($"our parser must accept corpus case '{name}'");
        Show(actual!).Should().Be(Show(expected!), $"case '{name}'");
        actual.Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void PythonWriter_CorpusBody_MatchesPythonJsonDumpsByteForByte(int index, string name)
    {
        var body = CanonicalCorpus.Accepted[index].Body;
        var expected = _reference.Python(index);
        expected.Should().NotBeNull($"python3 must accept corpus case '{name}'");

        var actual = WritePython(body);

        actual.Should().NotBeNull($"our parser must accept corpus case '{name}'");
        Show(actual!).Should().Be(Show(expected!), $"case '{name}'");
        actual.Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void TryParse_RefusedBody_ReturnsNull(string name)
    {
        var body = CanonicalCorpus.Rejected.Single(c => c.Name == name).Body;

        WriteJavaScript(body).Should().BeNull($"case '{name}' must be refused");
    }

    [Fact]
    public void ReferenceRuntimes_DelCharacter_NodeKeepsItAndPythonEscapesIt()
    {
        var body = Encoding.UTF8.GetBytes("[\"\u007f\"]");

        var node = ReferenceRuntimes.JavaScriptCanonical([body])[0];
        var python = ReferenceRuntimes.PythonCanonical([body])[0];

        node.Should().Equal(body, "JSON.stringify leaves DEL as a raw byte");
        Encoding.ASCII.GetString(python!).Should().Be("[\"\\u007f\"]", "ensure_ascii escapes everything outside 0x20-0x7E");
        WriteJavaScript(body).Should().Equal(node);
        WritePython(body).Should().Equal(python);
    }

    [Fact]
    public void ReferenceRuntimes_RefusedNumbers_ReallyChangeValueInAtLeastOneRuntime()
    {
        // Guards the premise behind refusing them: each one reprints as a different decimal value somewhere.
        string[] numbers = ["1e400", "123456789012345678901", "9007199254740993", "1e-400", "0.10000000000000001", "4.9e-324"];
        var bodies = numbers.Select(n => Encoding.UTF8.GetBytes($"[{n}]")).ToArray();

        var node = ReferenceRuntimes.JavaScriptCanonical(bodies);

        for (var i = 0; i < numbers.Length; i++)
        {
            Encoding.UTF8.GetString(node[i]!).Should().NotBe($"[{numbers[i]}]", $"node reprints {numbers[i]} as another value");
        }
    }

    /// <summary>Our JavaScript form of a body, or null where the canonical path refuses it.</summary>
    internal static byte[]? WriteJavaScript(byte[] body) => Write(body, python: false);

    /// <summary>Our Python form of a body, or null where the canonical path refuses it.</summary>
    internal static byte[]? WritePython(byte[] body) => Write(body, python: true);

    private static byte[]? Write(byte[] body, bool python)
    {
        // As CanonicalSignatureVerifier does: UTF-8 first, then the JavaScript pass, which is also the one that refuses.
        if (!Utf8.IsValid(body))
        {
            return null;
        }

        var writer = new CanonicalJsonWriter(body.Length);
        try
        {
            if (!writer.TryWriteJavaScript(body))
            {
                return null;
            }

            if (python && !writer.TryWritePython(body, hashKeys: null))
            {
                throw new InvalidOperationException("The Python pass refused a body the JavaScript pass accepted.");
            }

            return writer.Written.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    // Readable diffs in failures; lone surrogates are already escaped in both outputs.
    private static string Show(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
