using System.Buffers;
using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>Secrets, payloads and reformatting helpers shared by the verifier-level canonical tests.</summary>
internal static class CanonicalTestBodies
{
    public const string BoooplySecret = "whsec_canonical_test_secret";
    public const string ClassetSecret = "classet-canonical-test-secret";

    public static string ReadText(string file) => File.ReadAllText(Path.Combine(CanonicalCorpus.CorpusDirectory, file), Encoding.UTF8);

    /// <summary>
    /// Adds whitespace between tokens (never inside strings): what a proxy or a pretty-printer might do on the way.
    /// </summary>
    public static byte[] Respace(ReadOnlySpan<byte> json)
    {
        var output = new List<byte>(json.Length * 2);
        var inString = false;
        var escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                output.Add(b);
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    output.Add(b);
                    break;
                case (byte)',':
                    output.AddRange(" ,\r\n  "u8.ToArray());
                    break;
                case (byte)':':
                    output.AddRange("\t: "u8.ToArray());
                    break;
                case (byte)'}' or (byte)']':
                    output.AddRange("\n"u8.ToArray());
                    output.Add(b);
                    break;
                default:
                    output.Add(b);
                    break;
            }
        }

        output.AddRange("\n"u8.ToArray());
        return [.. output];
    }

    /// <summary>Removes the whitespace between tokens (never inside strings).</summary>
    public static byte[] RemoveWhitespace(ReadOnlySpan<byte> json)
    {
        var output = new List<byte>(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            else
            {
                inString = b == (byte)'"';
            }

            output.Add(b);
        }

        return [.. output];
    }

    /// <summary>Splits a body into several segments, as a PipeReader can hand it over.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] body, int segmentLength)
    {
        BufferSegment? first = null;
        BufferSegment? last = null;
        for (var offset = 0; offset < body.Length; offset += segmentLength)
        {
            var chunk = body.AsMemory(offset, Math.Min(segmentLength, body.Length - offset));
            last = last is null ? first = new BufferSegment(chunk) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class BufferSegment : ReadOnlySequenceSegment<byte>
    {
        public BufferSegment(ReadOnlyMemory<byte> memory)
        {
            Memory = memory;
        }

        public BufferSegment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new BufferSegment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
