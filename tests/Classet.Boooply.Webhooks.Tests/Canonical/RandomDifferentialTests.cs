using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>Seeded random bodies through node, python3 and our writers: all three must agree byte for byte.</summary>
public sealed class RandomDifferentialTests
{
    private const int Documents = 600;

    [Theory]
    [InlineData(1)]
    [InlineData(20260321)]
    public void CanonicalWriters_RandomBodies_MatchNodeAndPythonByteForByte(int seed)
    {
        var generator = new RandomJsonGenerator(seed);
        var bodies = Enumerable.Range(0, Documents).Select(_ => generator.Next()).ToArray();

        var node = ReferenceRuntimes.JavaScriptCanonical(bodies);
        var python = ReferenceRuntimes.PythonCanonical(bodies);

        for (var i = 0; i < bodies.Length; i++)
        {
            var because = $"document {i} of seed {seed}: {Encoding.UTF8.GetString(bodies[i])}";
            node[i].Should().NotBeNull(because);
            python[i].Should().NotBeNull(because);
            CanonicalJsonWritersTests.WriteJavaScript(bodies[i]).Should().Equal(node[i], because);
            CanonicalJsonWritersTests.WritePython(bodies[i]).Should().Equal(python[i], because);

            // The one-pass compactness check agrees with node: its output is compact, and a body with its whitespace
            // removed is compact exactly when node would give it back unchanged (the generator never repeats a key).
            WebhookJsonDiagnostics.IsCompactCanonicalJson(node[i]).Should().BeTrue(because);
            var compact = CanonicalTestBodies.RemoveWhitespace(bodies[i]);
            WebhookJsonDiagnostics.IsCompactCanonicalJson(compact).Should().Be(compact.AsSpan().SequenceEqual(node[i]), because);
        }
    }
}
