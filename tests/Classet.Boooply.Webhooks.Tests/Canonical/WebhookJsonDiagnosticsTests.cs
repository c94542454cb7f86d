using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

public sealed class WebhookJsonDiagnosticsTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CanonicalCorpus.CorpusDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CanonicalCorpus.CorpusDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void IsCompactCanonicalJson_NodeOutput_ReturnsTrueAndReformattedReturnsFalse(string file)
    {
        var node = ReferenceRuntimes.SignWithNode(CanonicalTestBodies.ReadText(file), "unused");

        WebhookJsonDiagnostics.IsCompactCanonicalJson(node.Canonical).Should().BeTrue();
        WebhookJsonDiagnostics.IsCompactCanonicalJson(node.Pretty).Should().BeFalse();
        WebhookJsonDiagnostics.IsCompactCanonicalJson(CanonicalTestBodies.Respace(node.Canonical)).Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("""{"1":0,"2":0,"b":0,"a":0}""", true)]
    [InlineData("""{"2":0,"1":0}""", false)]
    [InlineData("""{"a":1.0}""", false)]
    [InlineData("""{"a":1e2}""", false)]
    [InlineData("""{"a":1e+21}""", true)]
    [InlineData("""{"a":1E+21}""", false)]
    [InlineData("""{"a":-0}""", false)]
    [InlineData("""["\u00e9"]""", false)]
    [InlineData("""["\/"]""", false)]
    [InlineData("""["\ud800"]""", true)]
    [InlineData("""["\uD800"]""", false)]
    [InlineData("""["\u001f"]""", true)]
    [InlineData("""{"1":1,"1":1}""", false)]
    [InlineData("""{"1":0,"b":0}""", true)]
    [InlineData("""{"b":0,"1":0}""", false)]
    [InlineData("""{"b":{"2":0,"1":0}}""", false)]
    [InlineData("""["\ud83d\ude00"]""", false)]
    [InlineData("""["\ud83dx\ude00"]""", true)]
    [InlineData("""["\ude00\ud83d"]""", true)]
    [InlineData("""["\ud83d\ud83d"]""", true)]
    [InlineData("""["\u0008"]""", false)]
    [InlineData("""["\b\f\n\r\t\"\\"]""", true)]
    [InlineData("""["\u007f"]""", false)]
    [InlineData("[\"\u007f\"]", true)]
    [InlineData("""["\u001F"]""", false)]
    [InlineData("""["\u0020"]""", false)]
    [InlineData("""[1.5,-2,0,1e+21,1e-7,0.000001,123456789012345680000]""", true)]
    [InlineData("""[1.50]""", false)]
    [InlineData("""[15e-1]""", false)]
    [InlineData("""[1e21]""", false)]
    [InlineData("""[0.0000001]""", false)]
    [InlineData("""[9007199254740993]""", false)]
    [InlineData("""[01]""", false)]
    [InlineData("""[1.]""", false)]
    [InlineData("""[-]""", false)]
    [InlineData("""{"a":true,"b":false,"c":null}""", true)]
    [InlineData("""[tru]""", false)]
    [InlineData("""{"a"1}""", false)]
    [InlineData("""{"a":1,}""", false)]
    [InlineData("""[1,]""", false)]
    [InlineData("""[1}""", false)]
    [InlineData("""{"a":1]""", false)]
    [InlineData("""[[]""", false)]
    [InlineData("""[]]""", false)]
    [InlineData("""{}""", true)]
    [InlineData("""[]""", true)]
    [InlineData("""1""", true)]
    [InlineData("\"x\"", true)]
    [InlineData("""["unterminated]""", false)]
    [InlineData("""{"a":1} """, false)]
    [InlineData("", false)]
    [InlineData("nope", false)]
    public void IsCompactCanonicalJson_Body_ReturnsWhetherJsonStringifyWouldReproduceIt(string body, bool expected)
    {
        WebhookJsonDiagnostics.IsCompactCanonicalJson(Encoding.UTF8.GetBytes(body)).Should().Be(expected);
    }

    [Fact]
    public void IsCompactCanonicalJson_DuplicateKeys_AreNotLookedForAsDocumented()
    {
        // JSON.parse would merge these, so JSON.stringify would not give the same bytes; finding them needs memory that
        // grows with the object, so the single pass does not look (the canonical verification path refuses them).
        WebhookJsonDiagnostics.IsCompactCanonicalJson("""{"a":1,"a":1}"""u8).Should().BeTrue();
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void IsCompactCanonicalJson_Nesting_AcceptedTo64Levels(int depth, bool expected)
    {
        var arrays = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        var objects = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"k\":", depth - 1)) + "{}" + new string('}', depth - 1));

        WebhookJsonDiagnostics.IsCompactCanonicalJson(arrays).Should().Be(expected);
        WebhookJsonDiagnostics.IsCompactCanonicalJson(objects).Should().Be(expected);
    }

    [Fact]
    public void IsCompactCanonicalJson_InvalidUtf8_ReturnsFalse()
    {
        WebhookJsonDiagnostics.IsCompactCanonicalJson([(byte)'"', 0xFF, (byte)'"']).Should().BeFalse();
    }
}
