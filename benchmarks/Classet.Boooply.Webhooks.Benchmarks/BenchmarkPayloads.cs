using System.Buffers;
using System.Text;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>Realistic bodies of a chosen size, built from a Boooply transcript with non-ASCII speech.</summary>
internal static class BenchmarkPayloads
{
    public static byte[] Body(int size)
    {
        var builder = new StringBuilder("""{"event":"interview.transcript","data":{"meetingCode":"Boooply-AI-1234567890","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","isTeamMeeting":false,"candidateName":"Zoë Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","transcript":[""");
        var i = 0;
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < size - 200)
        {
            builder.Append(i == 0 ? string.Empty : ",")
                .Append("""{"speaker":"Zoë Doe","text":"I've been working with React for 5 years — café, naïve, 面接.","startMs":""")
                .Append(i * 1000).Append('}');
            i++;
        }

        builder.Append("],\"transcriptCount\":").Append(i).Append(",\"timestamp\":\"2026-03-21T18:30:00.000Z\"}}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(segmentSize, bytes.Length)));
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
