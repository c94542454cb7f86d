namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>Runs each reference runtime once over the whole corpus, shared by every case in a test class.</summary>
public sealed class ReferenceOutputsFixture
{
    private readonly Lazy<IReadOnlyList<byte[]?>> _javaScriptAccepted = new(() => ReferenceRuntimes.JavaScriptCanonical(Bodies(CanonicalCorpus.Accepted)));
    private readonly Lazy<IReadOnlyList<byte[]?>> _pythonAccepted = new(() => ReferenceRuntimes.PythonCanonical(Bodies(CanonicalCorpus.Accepted)));

    internal byte[]? JavaScript(int index) => _javaScriptAccepted.Value[index];

    internal byte[]? Python(int index) => _pythonAccepted.Value[index];

    private static byte[][] Bodies(IReadOnlyList<(string Name, byte[] Body)> cases) => cases.Select(c => c.Body).ToArray();
}
