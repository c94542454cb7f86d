namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>The Classet vendor examples, saved verbatim from Classet's webhook page.</summary>
internal static class ClassetFixtures
{
    public const string InterviewUpdated = "candidate-interview-updated.json";
    public const string CallCompleted = "call-completed.json";

    public static IReadOnlyList<string> All { get; } = [InterviewUpdated, CallCompleted];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Classet", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All)
        {
            data.Add(name);
        }

        return data;
    }
}
