namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>The vendors' documented example bodies, embedded compact (as <c>JSON.stringify</c> writes them).</summary>
internal static class ExamplePayloads
{
    public const string ClassetInterviewUpdated = "classet-interview-updated";
    public const string ClassetCallCompleted = "classet-call-completed";
    public const string BoooplyTranscript = "boooply-transcript";
    public const string BoooplyEvaluation = "boooply-evaluation";
    public const string BoooplyScores = "boooply-scores";
    public const string BoooplyRecording = "boooply-recording";

    /// <summary>Returns a fresh copy of an example body.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a build problem).</exception>
    public static byte[] Read(string name)
    {
        var resource = "Examples." + name + ".json";
        using var stream = typeof(ExamplePayloads).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The example payload '{resource}' is missing from {typeof(ExamplePayloads).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
