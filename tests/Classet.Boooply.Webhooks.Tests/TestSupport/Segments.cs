using System.Buffers;

namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, the shape ASP.NET's PipeReader hands over.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] bytes, int segmentSize)
    {
        if (bytes.Length <= segmentSize)
        {
            // Still produce two segments (one empty) so the multi-segment path runs.
            var only = new Segment(bytes);
            var empty = only.Append(Array.Empty<byte>());
            return new ReadOnlySequence<byte>(only, 0, empty, 0);
        }

        var first = new Segment(bytes.AsMemory(0, segmentSize));
        var last = first;
        for (var offset = segmentSize; offset < bytes.Length; offset += segmentSize)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(segmentSize, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
