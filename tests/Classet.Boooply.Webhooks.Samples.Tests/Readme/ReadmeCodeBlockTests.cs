using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Classet.Boooply.Webhooks.Samples.Tests.Readme;

/// <summary>
/// Every C# block in every README.md of the repository compiles, with warnings counted as failures: a reader can paste
/// it into a new project (whose implicit usings are the only ones assumed) and it builds. A block that relies on code it
/// does not show names that code in an HTML comment on the line before it, <c>&lt;!-- snippet: name, name --&gt;</c>,
/// each name a file in Readme/Preludes/ (see CONTRIBUTING.md); the README's own text must say the same to the reader.
/// </summary>
public sealed partial class ReadmeCodeBlockTests
{
    /// <summary>In a prelude, where the block's statements go (its using directives go first, its types last).</summary>
    private const string Placeholder = "/*<snippet>*/";

    /// <summary>What `dotnet new console` (ImplicitUsings) gives every file; nothing else is assumed.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Test and tooling assemblies: an application that pastes a block has none of these.</summary>
    private static readonly string[] NotAnApplicationsReference =
    [
        "xunit", "FluentAssertions", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "testhost", "Microsoft.CodeAnalysis",
        "Microsoft.NET.Test", "coverlet", "Classet.Boooply.Webhooks.Samples.Tests", "Classet.Boooply.Webhooks.Demo",
        "Classet.Boooply.Webhooks.Samples.Receiver", "Classet.Boooply.Webhooks.Samples.Simulator", "Classet.Boooply.Webhooks.Samples.VerifyFile",
    ];

    private static readonly Lazy<CSharpCompilation> BaseCompilation = new(CreateBaseCompilation);

    public static TheoryData<string, int> CodeBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var readme in FindReadmes())
        {
            foreach (var block in ReadBlocks(readme))
            {
                data.Add(readme, block.Line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodeBlocks))]
    public void CodeBlock_Compiles(string readme, int line)
    {
        var block = ReadBlocks(readme).Single(b => b.Line == line);
        var (source, outputKind) = Assemble(block);
        var compilation = BaseCompilation.Value
            .WithOptions(BaseCompilation.Value.Options.WithOutputKind(outputKind))
            .AddSyntaxTrees(
                Parse(ImplicitUsings, "ImplicitUsings.cs"),
                Parse(source, $"{readme}:{line}.cs"))
            .AddSyntaxTrees(block.Preludes.Where(p => !p.Contains(Placeholder, StringComparison.Ordinal)).Select((p, i) => Parse(p, $"prelude{i}.cs")));

        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();

        problems.Should().BeEmpty(
            "the C# block at {0}:{1} must compile on its own or name what it relies on (<!-- snippet: ... -->); as compiled:\n{2}",
            readme, line, Numbered(source));
    }

    [Fact]
    public void FindReadmes_TheRootAndEveryPackageReadme_HaveCSharpBlocksToCompile()
    {
        var readmes = FindReadmes().ToList();

        readmes.Should().Contain(["README.md", "src/Classet.Boooply.Webhooks/README.md", "src/Classet.Boooply.Webhooks.AspNetCore/README.md"]);
        ReadBlocks("README.md").Should().HaveCountGreaterThanOrEqualTo(4, "the quick starts and the OpenTelemetry setup are C# blocks");
        readmes.Where(r => r.StartsWith("src/", StringComparison.Ordinal)).Should().OnlyContain(r => ReadBlocks(r).Count > 0, "each package README shows its quick start");
    }

    [Fact]
    public void SnippetComments_EveryOne_StandsRightBeforeACSharpBlock()
    {
        foreach (var readme in FindReadmes())
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, readme));
            for (var i = 0; i < lines.Length; i++)
            {
                if (SnippetComment().IsMatch(lines[i]) || lines[i].Contains("<!-- snippet", StringComparison.OrdinalIgnoreCase))
                {
                    var next = i + 1 < lines.Length ? lines[i + 1] : string.Empty;
                    Fence().Match(next).Groups["lang"].Value.Should().BeOneOf(
                        ["csharp", "cs", "c#", "C#"], "{0}:{1} names preludes but the next line does not open a C# block", readme, i + 1);
                    SnippetComment().IsMatch(lines[i]).Should().BeTrue("{0}:{1} must read <!-- snippet: name, name -->", readme, i + 1);
                }
            }
        }
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Every README.md in the repository, outside build output, as a path relative to the root with '/'.</summary>
    private static IEnumerable<string> FindReadmes()
    {
        var skipped = new HashSet<string>(["bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules", ".git"], StringComparer.Ordinal);
        var pending = new Stack<string>([RepositoryRoot]);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            var readme = Path.Combine(directory, "README.md");
            if (File.Exists(readme))
            {
                found.Add(Path.GetRelativePath(RepositoryRoot, readme).Replace(Path.DirectorySeparatorChar, '/'));
            }

            foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(child);
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static List<CodeBlock> ReadBlocks(string readme)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, readme));
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var end = i + 1;
            while (end < lines.Length && !ClosingFence().IsMatch(lines[end]))
            {
                end++;
            }

            if (open.Groups["lang"].Value is "csharp" or "cs" or "c#" or "C#")
            {
                var comment = i > 0 ? SnippetComment().Match(lines[i - 1]) : Match.Empty;
                var names = comment.Success
                    ? comment.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : [];
                var code = string.Join("\n", lines[(i + 1)..end].Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart()));
                blocks.Add(new CodeBlock(i + 1, code, [.. names.Select(ReadPrelude)]));
            }

            i = end;
        }

        return blocks;
    }

    private static string ReadPrelude(string name)
    {
        var path = Path.Combine(RepositoryRoot, "tests", "Classet.Boooply.Webhooks.Samples.Tests", "Readme", "Preludes", name + ".cs");
        File.Exists(path).Should().BeTrue("a <!-- snippet: {0} --> comment names tests/Classet.Boooply.Webhooks.Samples.Tests/Readme/Preludes/{0}.cs", name);
        return File.ReadAllText(path);
    }

    /// <summary>
    /// The source to compile: the block alone, or spliced into the one prelude that has a <see cref="Placeholder"/>
    /// (the block's usings first, its statements at the placeholder, its types and namespaces after the prelude).
    /// </summary>
    private static (string Source, OutputKind Kind) Assemble(CodeBlock block)
    {
        var hosts = block.Preludes.Where(p => p.Contains(Placeholder, StringComparison.Ordinal)).ToList();
        hosts.Should().HaveCountLessThanOrEqualTo(1, "a block can be spliced into one prelude at most");
        var source = block.Code;
        if (hosts.Count == 1)
        {
            var unit = (CompilationUnitSyntax)Parse(block.Code, "block.cs").GetRoot();
            ((CompilationUnitSyntax)Parse(hosts[0], "host.cs").GetRoot()).Usings.Should().BeEmpty(
                "a prelude the block is spliced into must not add using directives: they would hide the ones the block lacks");
            var statements = string.Concat(unit.Members.OfType<GlobalStatementSyntax>().Select(s => s.ToFullString()));
            var declarations = string.Concat(unit.Members.Where(m => m is not GlobalStatementSyntax).Select(m => m.ToFullString()));
            source = string.Concat(unit.Externs.ToFullString(), unit.Usings.ToFullString(), unit.AttributeLists.ToFullString(), "\n",
                hosts[0].Replace(Placeholder, statements, StringComparison.Ordinal), "\n", declarations);
        }

        var hasStatements = ((CompilationUnitSyntax)Parse(source, "assembled.cs").GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();
        return (source, hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
    }

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path, Encoding.UTF8);

    /// <summary>What an application that installed the packages compiles against: the shared frameworks, our packages,
    /// their dependencies and the packages a README names (OpenTelemetry), but no test tooling.</summary>
    private static CSharpCompilation CreateBaseCompilation()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !NotAnApplicationsReference.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        references.Should().Contain(r => Path.GetFileName(r.FilePath) == "Classet.Boooply.Webhooks.AspNetCore.dll");

        return CSharpCompilation.Create(
            "ReadmeCodeBlock",
            references: references,
            options: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string Numbered(string source) =>
        string.Join("\n", source.Split('\n').Select((l, i) => $"{i + 1,4}  {l}"));

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

    [GeneratedRegex(@"^(?<indent> {0,3})```\s*(?<lang>[^\s`]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}```\s*$")]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<names>[\w\-]+(\s*,\s*[\w\-]+)*)\s*-->\s*$")]
    private static partial Regex SnippetComment();

    private sealed record CodeBlock(int Line, string Code, List<string> Preludes);
}
