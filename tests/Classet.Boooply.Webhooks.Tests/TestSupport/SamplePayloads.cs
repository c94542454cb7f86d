namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>Bodies that stress encodings: accents, CJK, emoji, escapes. Each is compact, as the vendors send it.</summary>
internal static class SamplePayloads
{
    public const string ClassetAccents = """{"event":"candidate.interview.updated","changes":{"interview_outcome":{"from":null,"to":"qualified"}},"data":{"candidate_id":"cand_é","interview_completed_at":"2025-04-15T16:00:00Z","interview_sent_at":"2025-04-14T12:00:00Z","interview_outcome":"qualified","interview_summary":"José Müller, naïve café — très bien","interview_custom_data":{"città":"Zürich"}}}""";

    public const string ClassetCjkEmoji = """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"cand_漢字","interview_completed_at":null,"interview_sent_at":null,"interview_outcome":null,"interview_summary":"面接は順調でした 🎉👍🏽 한국어","interview_custom_data":null}}""";

    public const string ClassetEscapes = """{"event":"candidate.interview.updated","changes":{},"data":{"candidate_id":"c\"1\\","interview_completed_at":null,"interview_sent_at":null,"interview_outcome":null,"interview_summary":"line1\nline2\ttab \u0001 </script> \u2028","interview_custom_data":{"quote":"\"","slash":"a/b"}}}""";

    public const string BoooplyAccents = """{"event":"interview.scores","data":{"meetingCode":"Boooply-AI-1","candidateName":"Zoë Ångström-Núñez","jobRole":"Ingénieur","source":null,"sourceId":null,"sourcePlatform":null,"overallRating":3,"recommendation":"PASS","confidenceLevel":"HIGH","scores":{"overall":72,"communication":80,"technicalSkills":70,"problemSolving":65,"cultureFit":85,"experienceMatch":70},"ratingsForRecruiters":{"technicalSkills":70,"communication":80,"cultureFit":85,"overall":72},"oneLineSummary":"Très bien","timestamp":"2026-03-21T18:35:00.000Z"}}""";

    public const string BoooplyCjkEmoji = """{"event":"interview.transcript","data":{"meetingCode":"Boooply-AI-2","title":"面接","meetingType":"AI_ONLY","isTeamMeeting":false,"candidateName":"山田 太郎","jobRole":"エンジニア","source":"Acme","sourceId":"org_1","sourcePlatform":"AI TalentFlow","transcript":[{"speaker":"AI Interviewer","text":"Hello 👋 こんにちは","startMs":0},{"speaker":"山田 太郎","text":"🎉 ready 😀","startMs":1500,"endMs":2900}],"transcriptCount":2,"timestamp":"2026-03-21T18:30:00.000Z"}}""";

    public const string BoooplyEscapes = """{"event":"interview.recording","data":{"meetingCode":"Boooply-AI-3","title":"Say \"hi\"\\n","source":null,"sourceId":null,"sourcePlatform":null,"duration":1234,"format":"mp4","videoUrl":"https://s3.amazonaws.com/x?X-Amz-Expires=604800&a=b","videoApiUrl":"https://api.meetings.boooply.com/api/integration/interviews/Boooply-AI-3/recording","timestamp":"2026-03-21T18:40:00.000Z"}}""";

    public static TheoryData<string> Classet => new() { ClassetAccents, ClassetCjkEmoji, ClassetEscapes };

    public static TheoryData<string> Boooply => new() { BoooplyAccents, BoooplyCjkEmoji, BoooplyEscapes };
}
