using System.Reflection;
using Classet.Boooply.Webhooks.Cli.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Cli.Tests.PackedTool;

/// <summary>
/// Packs the tool as its package (from this build, with a version no earlier run used, so no cache can serve an old
/// copy), installs it with <c>dotnet tool install --tool-path</c> from a local folder feed, as a newcomer would, and
/// deletes everything afterwards. The feed is the only package source and the package folder is private, so nothing
/// is fetched from the network and nothing is left in the machine's NuGet cache.
/// </summary>
public sealed class PackedToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cli-tool-");

    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets the installed command, <c>classet-boooply-webhooks</c> in the tool path.</summary>
    public string Command { get; private set; } = string.Empty;

    public string WorkDirectory => _root.FullName;

    public async Task InitializeAsync()
    {
        var repository = FindRepositoryRoot();
        var configuration = typeof(PackedToolFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var feed = Path.Combine(_root.FullName, "feed");
        var tools = Path.Combine(_root.FullName, "tools");
        var packages = Path.Combine(_root.FullName, "packages");

        // This test project references the tool, so its build of this configuration is already there: pack it as is.
        var pack = await ProcessRunner.RunAsync("dotnet", [
            "pack", Path.Combine(repository, "src", "Classet.Boooply.Webhooks.Cli", "Classet.Boooply.Webhooks.Cli.csproj"),
            "-c", configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + Version,
        ], Timeout);
        pack.ExitCode.Should().Be(0, "dotnet pack failed:\n" + pack.All);

        var config = Path.Combine(_root.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = await ProcessRunner.RunAsync("dotnet", [
            "tool", "install", "Classet.Boooply.Webhooks.Cli", "--version", Version,
            "--tool-path", tools, "--configfile", config,
        ], Timeout, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages }, _root.FullName);
        install.ExitCode.Should().Be(0, "dotnet tool install failed:\n" + install.All);

        Command = Path.Combine(tools, OperatingSystem.IsWindows() ? "classet-boooply-webhooks.exe" : "classet-boooply-webhooks");
        File.Exists(Command).Should().BeTrue("the tool installs its command, classet-boooply-webhooks");
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public Task<CliRun> RunAsync(params string[] args) => ProcessRunner.RunAsync(Command, args, Timeout, workingDirectory: _root.FullName);

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
}
