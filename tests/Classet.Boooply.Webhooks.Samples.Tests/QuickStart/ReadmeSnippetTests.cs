using System.Text.RegularExpressions;

namespace Classet.Boooply.Webhooks.Samples.Tests.QuickStart;

/// <summary>
/// The quick starts in the READMEs are the code of the QuickStart sample, which CI compiles and the other tests run:
/// these tests fail when one is edited without the other.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    public static TheoryData<string, string, string> Snippets => new()
    {
        { "README.md", "DirectQuickStart.cs", "README quick start 1" },
        { "README.md", "DependencyInjectionQuickStart.cs", "README quick start 2" },
        { "README.md", "EvaluationHandler.cs", "README quick start 2 handler" },
        { "README.md", "AspNetCoreQuickStart.cs", "README quick start 3" },
        { "README.md", "ObservabilityQuickStart.cs", "README OpenTelemetry" },
        { "README.md", "BoooplyWebhookFunction.cs", "README quick start 4" },
        { "src/Classet.Boooply.Webhooks/README.md", "DirectQuickStart.cs", "README quick start 1" },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Readme_QuickStart_IsTheCompiledSampleCode(string readme, string sourceFile, string marker)
    {
        var root = FindRepositoryRoot();
        var source = File.ReadAllLines(Path.Combine(root, "samples", "Classet.Boooply.Webhooks.Samples.QuickStart", sourceFile));
        var readmeText = Normalize(File.ReadAllText(Path.Combine(root, readme)));

        var begin = Array.FindIndex(source, l => l.Trim() == $"// {marker} begins");
        var end = Array.FindIndex(source, l => l.Trim() == $"// {marker} ends");
        begin.Should().BeGreaterThanOrEqualTo(0);
        end.Should().BeGreaterThan(begin);

        // XML doc comments document the sample; the README shows the code without them.
        var snippet = source[(begin + 1)..end].Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToArray();
        var indent = snippet.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = Normalize(string.Join("\n", snippet.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));

        readmeText.Should().Contain(expected, $"{readme} must show {sourceFile} verbatim between the '{marker}' markers");
    }

    private static string Normalize(string text) => TrailingSpaces().Replace(text.ReplaceLineEndings("\n"), string.Empty);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Classet.Boooply.Webhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Classet.Boooply.Webhooks.sln) is not above the test assembly.");
    }

    [GeneratedRegex("[ \t]+(?=\n)")]
    private static partial Regex TrailingSpaces();
}
