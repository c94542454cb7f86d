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

    /// <summary>A realistic ~2 KB Boooply interview.evaluation delivery for the given meeting.</summary>
    public static string Evaluation(string meetingCode) =>
        """{"event":"interview.evaluation","data":{"meetingCode":"MEETING","title":"Senior Frontend Engineer Interview","meetingType":"AI_ONLY","candidateName":"Jane Doe","jobRole":"Senior Frontend Engineer","source":"Acme Corp","sourceId":"org_7234567890","sourcePlatform":"AI TalentFlow","summary":"Jane demonstrated strong technical skills in React and TypeScript, with clear explanations of state management trade-offs and testing strategy. System design answers were less structured.","oneLineSummary":"Strong React skills but needs improvement in system design","overallRating":3,"recommendation":"PASS","confidenceLevel":"HIGH","scores":{"overall":72,"communication":80,"technicalSkills":75,"problemSolving":68,"cultureFit":70,"experienceMatch":74},"recruiterSummary":{"tldr":"Solid mid-senior frontend engineer.","quickDecision":"ADVANCE"},"skillsAssessment":[{"skill":"React","rating":4,"evidence":"Explained reconciliation and memoization clearly."},{"skill":"TypeScript","rating":4,"evidence":"Used generics and discriminated unions fluently."},{"skill":"System Design","rating":2,"evidence":"Struggled to partition a feed service."}],"questionsAsked":[{"question":"Tell me about your experience with React.","answer":"Five years, mostly hooks.","quality":4,"topic":"React","timestamp":"02:15"}],"timestamp":"2026-03-01T12:00:00.000Z"}}"""
            .Replace("MEETING", meetingCode, StringComparison.Ordinal);

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
