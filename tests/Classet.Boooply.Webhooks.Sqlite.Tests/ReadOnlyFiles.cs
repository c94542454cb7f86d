using System.Diagnostics;

namespace Classet.Boooply.Webhooks.Sqlite.Tests;

/// <summary>
/// Makes a directory and its files unwritable for this process. Root ignores permission bits (CI runs as root), so there
/// the files are marked immutable with chattr; otherwise the write bits are removed. Undone on dispose.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFiles : IDisposable
{
    private readonly string _directory;
    private readonly bool _immutable;

    private ReadOnlyFiles(string directory, bool immutable)
    {
        _directory = directory;
        _immutable = immutable;
    }

    public static ReadOnlyFiles Protect(string directory)
    {
        var immutable = Environment.IsPrivilegedProcess;
        if (immutable)
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                Run("chattr", "+i", file);
            }

            Run("chattr", "+i", directory);
        }
        else
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead);
            }

            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return new ReadOnlyFiles(directory, immutable);
    }

    public void Dispose()
    {
        if (_immutable)
        {
            Run("chattr", "-i", _directory);
            foreach (var file in Directory.GetFiles(_directory))
            {
                Run("chattr", "-i", file);
            }
        }
        else
        {
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in Directory.GetFiles(_directory))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
