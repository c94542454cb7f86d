using System.Text.RegularExpressions;

namespace Classet.Boooply.Webhooks.Testing.Tests;

/// <summary>
/// The READMEs' testing examples are the code of tests/Classet.Boooply.Webhooks.PackageTests, which CI builds and runs
/// against the packed packages: these tests fail when one is edited without the other.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private const string PackageTests = "tests/Classet.Boooply.Webhooks.PackageTests";
    private const string TestingReadme = "src/Classet.Boooply.Webhooks.Testing/README.md";

    public static TheoryData<string, string> Regions => new()
    {
        { "App/EvaluationHandler.cs", "handler" },
        { "Tests/RecordingAtsClient.cs", "fake" },
        { "Tests/EvaluationHandlerTests.cs", "unit test" },
        { "Tests/WebhookEndpointTests.cs", "endpoint test" },
    };

    public static TheoryData<string, string> Members => new()
    {
        { "App/EvaluationHandler.cs", "public sealed class EvaluationHandler" },
        { "Tests/EvaluationHandlerTests.cs", "public async Task Failed_candidate_is_rejected_in_the_ats()" },
        { "Tests/WebhookEndpointTests.cs", "public async Task Signed_evaluation_is_answered_200_and_handled()" },
        { "Tests/WebhookEndpointTests.cs", "private HttpClient CreateClient()" },
    };

    [Theory]
    [MemberData(nameof(Regions))]
    public void TestingReadme_ShowsThePackageTestsCodeVerbatim(string file, string region)
    {
        var source = File.ReadAllLines(Path.Combine(Root(), PackageTests, file));
        var begin = Array.FindIndex(source, l => l.Trim() == $"// Testing package README: {region} begins");
        var end = Array.FindIndex(source, l => l.Trim() == $"// Testing package README: {region} ends");
        begin.Should().BeGreaterThanOrEqualTo(0);
        end.Should().BeGreaterThan(begin);

        var expected = Normalize(string.Join("\n", source[(begin + 1)..end]));

        Normalize(File.ReadAllText(Path.Combine(Root(), TestingReadme))).Should().Contain(expected, $"the Testing README must show {file}'s '{region}' region verbatim");
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void RepositoryReadme_ShowsThePackageTestsMembersVerbatim(string file, string signature)
    {
        var source = File.ReadAllLines(Path.Combine(Root(), PackageTests, file));
        var start = Array.FindIndex(source, l => l.Contains(signature, StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0);
        var indent = source[start].Length - source[start].TrimStart().Length;
        while (start > 0 && source[start - 1].TrimStart().StartsWith('['))
        {
            start--;
        }

        // The member ends at the first later line back at its own indentation: "}" or "}).CreateClient();".
        var end = start + 1;
        while (end < source.Length && (source[end].Trim().Length == 0 || source[end].Length - source[end].TrimStart().Length > indent || !source[end].TrimStart().StartsWith('}')))
        {
            end++;
        }

        var expected = Normalize(string.Join("\n", source[start..(end + 1)].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));

        Normalize(File.ReadAllText(Path.Combine(Root(), "README.md"))).Should().Contain(expected, $"README.md must show {signature} from {file} verbatim");
    }

    private static string Normalize(string text) => TrailingSpaces().Replace(text.ReplaceLineEndings("\n"), string.Empty);

    private static string Root()
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
