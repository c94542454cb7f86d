using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Cli.CommandLine;

/// <summary>Writes the one JSON object a command prints with <c>--json</c>: a plain <see cref="Utf8JsonWriter"/>, no reflection.</summary>
internal sealed class CliJson : IDisposable
{
    private readonly MemoryStream _buffer = new();

    public CliJson(string command)
    {
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Writer.WriteStartObject();
        Writer.WriteString("command", command);
    }

    public Utf8JsonWriter Writer { get; }

    public static async Task WriteUsageErrorAsync(TextWriter output, string? command, string message)
    {
        using var json = new CliJson(command ?? string.Empty);
        json.Writer.WriteString("error", "usage");
        json.Writer.WriteString("message", message);
        await json.FlushToAsync(output).ConfigureAwait(false);
    }

    public async Task FlushToAsync(TextWriter output)
    {
        Writer.WriteEndObject();
        await Writer.FlushAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Encoding.UTF8.GetString(_buffer.ToArray())).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Writer.Dispose();
        _buffer.Dispose();
    }
}
