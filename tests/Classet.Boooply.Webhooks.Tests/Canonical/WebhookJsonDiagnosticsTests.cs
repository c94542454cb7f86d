using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

public sealed class WebhookJsonDiagnosticsTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CanonicalCorpus.CorpusDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
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
    [InlineData("""{"a":1,"a":1}""", false)]
    [InlineData("""{"a":1} """, false)]
    [InlineData("", false)]
    [InlineData("nope", false)]
    public void IsCompactCanonicalJson_Body_ReturnsWhetherJsonStringifyWouldReproduceIt(string body, bool expected)
    {
        WebhookJsonDiagnostics.IsCompactCanonicalJson(Encoding.UTF8.GetBytes(body)).Should().Be(expected);
    }

    [Fact]
    public void IsCompactCanonicalJson_InvalidUtf8_ReturnsFalse()
    {
        WebhookJsonDiagnostics.IsCompactCanonicalJson([(byte)'"', 0xFF, (byte)'"']).Should().BeFalse();
    }
}
