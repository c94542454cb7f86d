using System.Text.Json;
using Classet.Boooply.Webhooks.Boooply;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads what Boooply sends, <c>{"event":"interview.…","data":{…}}</c> with <c>event</c> first, in one
/// <see cref="Utf8JsonReader"/> pass straight into the event records. The generated binder sets the records'
/// init-only members through its constructor-argument path (an argument buffer, boxed values, a property lookup per
/// key), which cost three to five times a bare reader pass.
/// </summary>
/// <remarks>
/// Only the well-formed shape is handled: anything else (a wrong token type, an out-of-range number, a repeated key,
/// an escaped or <c>$</c>-prefixed name, a missing or null <c>meetingCode</c>, JSON errors) makes <see cref="TryRead"/>
/// return <see langword="null"/>, and the serializer binds the body with the generated binder, so errors keep their
/// exact paths and messages and this reader cannot change an outcome. The caller has checked the UTF-8 and repaired
/// lone surrogate escapes.
/// </remarks>
internal static class BoooplyFastReader
{
    private static readonly string[] TranscriptEntryIgnored = ["Start", "End"];
    private static readonly string[] QuestionAskedIgnored = ["TimestampOffset"];
    private static readonly string[] RecordingIgnored = ["Duration"];

    public static BoooplyWebhookEvent? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        try
        {
            return Read(ref reader);
        }
        catch (Exception exception) when (exception is FastPathDeclinedException or JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static BoooplyWebhookEvent? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !FastJson.NextProperty(ref reader, out var first) || !first.SequenceEqual("event"u8))
        {
            return null;
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        if (reader.ValueTextEquals("interview.transcript"u8))
        {
            var data = Envelope(ref reader, TranscriptData, out var extensionData);
            return new BoooplyTranscriptEvent { Data = data, ExtensionData = extensionData };
        }

        if (reader.ValueTextEquals("interview.evaluation"u8))
        {
            var data = Envelope(ref reader, EvaluationData, out var extensionData);
            return new BoooplyEvaluationEvent { Data = data, ExtensionData = extensionData };
        }

        if (reader.ValueTextEquals("interview.scores"u8))
        {
            var data = Envelope(ref reader, ScoresData, out var extensionData);
            return new BoooplyScoresEvent { Data = data, ExtensionData = extensionData };
        }

        if (reader.ValueTextEquals("interview.recording"u8))
        {
            var data = Envelope(ref reader, RecordingData, out var extensionData);
            return new BoooplyRecordingEvent { Data = data, ExtensionData = extensionData };
        }

        return null;
    }

    private static TData Envelope<TData>(ref Utf8JsonReader reader, FastJson.ReadItem<TData> readData, out Dictionary<string, JsonElement>? extensionData)
        where TData : class
    {
        TData? data = null;
        extensionData = null;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("data"u8))
            {
                reader.Read();
                data = data is null && reader.TokenType == JsonTokenType.StartObject ? readData(ref reader) : FastJson.Decline<TData>();
            }
            else if (name.SequenceEqual("event"u8))
            {
                FastJson.Decline();
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        FastJson.End(ref reader);
        return data ?? FastJson.Decline<TData>();
    }

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when BoooplyTimestampConverter.TryReadInstant(ref reader, out var value) => value,
            JsonTokenType.Null => null,
            _ => FastJson.Decline<DateTimeOffset?>(),
        };
    }

    private static JsonElement? Element(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
    }

    private static BoooplyTranscriptData TranscriptData(ref Utf8JsonReader reader)
    {
        string? meetingCode = null, title = null, candidateName = null, jobRole = null, source = null, sourceId = null, sourcePlatform = null;
        BoooplyMeetingType? meetingType = null;
        bool? isTeamMeeting = null;
        List<BoooplyTranscriptEntry>? transcript = null;
        int? transcriptCount = null;
        DateTimeOffset? timestamp = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("meetingCode"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                meetingCode = FastJson.RequiredString(ref reader);
            }
            else if (name.SequenceEqual("title"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                title = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("meetingType"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                meetingType = FastJson.Enum<BoooplyMeetingType>(ref reader);
            }
            else if (name.SequenceEqual("isTeamMeeting"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                isTeamMeeting = FastJson.Boolean(ref reader);
            }
            else if (name.SequenceEqual("candidateName"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                candidateName = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("jobRole"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                jobRole = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("source"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                source = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourceId"u8))
            {
                FastJson.Mark(ref seen, 1 << 7);
                sourceId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourcePlatform"u8))
            {
                FastJson.Mark(ref seen, 1 << 8);
                sourcePlatform = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("transcript"u8))
            {
                FastJson.Mark(ref seen, 1 << 9);
                transcript = Transcript(ref reader);
            }
            else if (name.SequenceEqual("transcriptCount"u8))
            {
                FastJson.Mark(ref seen, 1 << 10);
                transcriptCount = FastJson.Int32(ref reader);
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                FastJson.Mark(ref seen, 1 << 11);
                timestamp = Timestamp(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyTranscriptData
        {
            MeetingCode = meetingCode ?? FastJson.Decline<string>(),
            Title = title,
            MeetingType = meetingType,
            IsTeamMeeting = isTeamMeeting,
            CandidateName = candidateName,
            JobRole = jobRole,
            Source = source,
            SourceId = sourceId,
            SourcePlatform = sourcePlatform,
            Transcript = transcript,
            TranscriptCount = transcriptCount,
            Timestamp = timestamp,
            ExtensionData = extensionData,
        };
    }

    private static List<BoooplyTranscriptEntry>? Transcript(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            FastJson.Decline();
        }

        var entries = new List<BoooplyTranscriptEntry>();
        string? speaker = null, otherSpeaker = null;
        while (true)
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return entries;
                case JsonTokenType.Null:
                    entries.Add(null!);
                    break;
                default:
                    entries.Add(TranscriptEntry(ref reader, ref speaker, ref otherSpeaker));
                    break;
            }
        }
    }

    private static BoooplyTranscriptEntry TranscriptEntry(ref Utf8JsonReader reader, ref string? recentSpeaker, ref string? olderSpeaker)
    {
        FastJson.StartObject(ref reader);
        string? speaker = null, text = null;
        decimal? startMs = null, endMs = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("speaker"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                speaker = FastJson.RepeatedString(ref reader, ref recentSpeaker, ref olderSpeaker);
            }
            else if (name.SequenceEqual("text"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                text = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("startMs"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                startMs = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("endMs"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                endMs = FastJson.Decimal(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, TranscriptEntryIgnored);
            }
        }

        return new BoooplyTranscriptEntry { Speaker = speaker, Text = text, StartMs = startMs, EndMs = endMs, ExtensionData = extensionData };
    }

    private static BoooplyEvaluationData EvaluationData(ref Utf8JsonReader reader)
    {
        string? meetingCode = null, title = null, candidateName = null, jobRole = null, source = null, sourceId = null, sourcePlatform = null;
        string? summary = null, oneLineSummary = null;
        BoooplyMeetingType? meetingType = null;
        decimal? overallRating = null;
        BoooplyRecommendation? recommendation = null;
        BoooplyConfidenceLevel? confidenceLevel = null;
        BoooplyScores? scores = null;
        BoooplyRecruiterSummary? recruiterSummary = null;
        List<BoooplySkillAssessment>? skillsAssessment = null;
        BoooplyStrengthsAndWeaknesses? strengthsAndWeaknesses = null;
        List<BoooplyRedFlag>? redFlags = null;
        List<BoooplyPositiveSignal>? positiveSignals = null;
        BoooplySentimentAnalysis? sentimentAnalysis = null;
        List<BoooplyQuestionAsked>? questionsAsked = null;
        JsonElement? meetingStatistics = null;
        BoooplyNextSteps? nextSteps = null;
        JsonElement? customQuestionResponses = null;
        BoooplyRecruiterRatings? ratingsForRecruiters = null;
        DateTimeOffset? timestamp = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("meetingCode"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                meetingCode = FastJson.RequiredString(ref reader);
            }
            else if (name.SequenceEqual("title"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                title = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("meetingType"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                meetingType = FastJson.Enum<BoooplyMeetingType>(ref reader);
            }
            else if (name.SequenceEqual("candidateName"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                candidateName = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("jobRole"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                jobRole = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("source"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                source = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourceId"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                sourceId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourcePlatform"u8))
            {
                FastJson.Mark(ref seen, 1 << 7);
                sourcePlatform = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("summary"u8))
            {
                FastJson.Mark(ref seen, 1 << 8);
                summary = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("oneLineSummary"u8))
            {
                FastJson.Mark(ref seen, 1 << 9);
                oneLineSummary = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("overallRating"u8))
            {
                FastJson.Mark(ref seen, 1 << 10);
                overallRating = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("recommendation"u8))
            {
                FastJson.Mark(ref seen, 1 << 11);
                recommendation = FastJson.Enum<BoooplyRecommendation>(ref reader);
            }
            else if (name.SequenceEqual("confidenceLevel"u8))
            {
                FastJson.Mark(ref seen, 1 << 12);
                confidenceLevel = FastJson.Enum<BoooplyConfidenceLevel>(ref reader);
            }
            else if (name.SequenceEqual("scores"u8))
            {
                FastJson.Mark(ref seen, 1 << 13);
                scores = FastJson.Object(ref reader, Scores);
            }
            else if (name.SequenceEqual("recruiterSummary"u8))
            {
                FastJson.Mark(ref seen, 1 << 14);
                recruiterSummary = FastJson.Object(ref reader, RecruiterSummary);
            }
            else if (name.SequenceEqual("skillsAssessment"u8))
            {
                FastJson.Mark(ref seen, 1 << 15);
                skillsAssessment = FastJson.List(ref reader, SkillAssessment, allowNullItems: true);
            }
            else if (name.SequenceEqual("strengthsAndWeaknesses"u8))
            {
                FastJson.Mark(ref seen, 1 << 16);
                strengthsAndWeaknesses = FastJson.Object(ref reader, StrengthsAndWeaknesses);
            }
            else if (name.SequenceEqual("redFlags"u8))
            {
                FastJson.Mark(ref seen, 1 << 17);
                redFlags = FastJson.List(ref reader, RedFlag, allowNullItems: true);
            }
            else if (name.SequenceEqual("positiveSignals"u8))
            {
                FastJson.Mark(ref seen, 1 << 18);
                positiveSignals = FastJson.List(ref reader, PositiveSignal, allowNullItems: true);
            }
            else if (name.SequenceEqual("sentimentAnalysis"u8))
            {
                FastJson.Mark(ref seen, 1 << 19);
                sentimentAnalysis = FastJson.Object(ref reader, SentimentAnalysis);
            }
            else if (name.SequenceEqual("questionsAsked"u8))
            {
                FastJson.Mark(ref seen, 1 << 20);
                questionsAsked = FastJson.List(ref reader, QuestionAsked, allowNullItems: true);
            }
            else if (name.SequenceEqual("meetingStatistics"u8))
            {
                FastJson.Mark(ref seen, 1 << 21);
                meetingStatistics = Element(ref reader);
            }
            else if (name.SequenceEqual("nextSteps"u8))
            {
                FastJson.Mark(ref seen, 1 << 22);
                nextSteps = FastJson.Object(ref reader, NextSteps);
            }
            else if (name.SequenceEqual("customQuestionResponses"u8))
            {
                FastJson.Mark(ref seen, 1 << 23);
                customQuestionResponses = Element(ref reader);
            }
            else if (name.SequenceEqual("ratingsForRecruiters"u8))
            {
                FastJson.Mark(ref seen, 1 << 24);
                ratingsForRecruiters = FastJson.Object(ref reader, RecruiterRatings);
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                FastJson.Mark(ref seen, 1 << 25);
                timestamp = Timestamp(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyEvaluationData
        {
            MeetingCode = meetingCode ?? FastJson.Decline<string>(),
            Title = title,
            MeetingType = meetingType,
            CandidateName = candidateName,
            JobRole = jobRole,
            Source = source,
            SourceId = sourceId,
            SourcePlatform = sourcePlatform,
            Summary = summary,
            OneLineSummary = oneLineSummary,
            OverallRating = overallRating,
            Recommendation = recommendation,
            ConfidenceLevel = confidenceLevel,
            Scores = scores,
            RecruiterSummary = recruiterSummary,
            SkillsAssessment = skillsAssessment,
            StrengthsAndWeaknesses = strengthsAndWeaknesses,
            RedFlags = redFlags,
            PositiveSignals = positiveSignals,
            SentimentAnalysis = sentimentAnalysis,
            QuestionsAsked = questionsAsked,
            MeetingStatistics = meetingStatistics,
            NextSteps = nextSteps,
            CustomQuestionResponses = customQuestionResponses,
            RatingsForRecruiters = ratingsForRecruiters,
            Timestamp = timestamp,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyScores Scores(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        decimal? overall = null, communication = null, technicalSkills = null, problemSolving = null, cultureFit = null, experienceMatch = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("overall"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                overall = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("communication"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                communication = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("technicalSkills"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                technicalSkills = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("problemSolving"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                problemSolving = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("cultureFit"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                cultureFit = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("experienceMatch"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                experienceMatch = FastJson.Decimal(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyScores
        {
            Overall = overall,
            Communication = communication,
            TechnicalSkills = technicalSkills,
            ProblemSolving = problemSolving,
            CultureFit = cultureFit,
            ExperienceMatch = experienceMatch,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyRecruiterRatings RecruiterRatings(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        decimal? technicalSkills = null, communication = null, cultureFit = null, overall = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("technicalSkills"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                technicalSkills = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("communication"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                communication = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("cultureFit"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                cultureFit = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("overall"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                overall = FastJson.Decimal(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyRecruiterRatings
        {
            TechnicalSkills = technicalSkills,
            Communication = communication,
            CultureFit = cultureFit,
            Overall = overall,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyRecruiterSummary RecruiterSummary(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? tldr = null;
        BoooplyQuickDecision? quickDecision = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("tldr"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                tldr = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("quickDecision"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                quickDecision = FastJson.Enum<BoooplyQuickDecision>(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyRecruiterSummary { Tldr = tldr, QuickDecision = quickDecision, ExtensionData = extensionData };
    }

    private static BoooplySkillAssessment SkillAssessment(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? skill = null, evidence = null;
        decimal? rating = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("skill"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                skill = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("rating"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                rating = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("evidence"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                evidence = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplySkillAssessment { Skill = skill, Rating = rating, Evidence = evidence, ExtensionData = extensionData };
    }

    private static BoooplyStrengthsAndWeaknesses StrengthsAndWeaknesses(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        List<BoooplyEvidencePoint>? strengths = null, weaknesses = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("strengths"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                strengths = FastJson.List(ref reader, EvidencePoint, allowNullItems: true);
            }
            else if (name.SequenceEqual("weaknesses"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                weaknesses = FastJson.List(ref reader, EvidencePoint, allowNullItems: true);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyStrengthsAndWeaknesses { Strengths = strengths, Weaknesses = weaknesses, ExtensionData = extensionData };
    }

    private static BoooplyEvidencePoint EvidencePoint(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? point = null, evidence = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("point"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                point = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("evidence"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                evidence = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyEvidencePoint { Point = point, Evidence = evidence, ExtensionData = extensionData };
    }

    private static BoooplyRedFlag RedFlag(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? flag = null, context = null;
        BoooplyRedFlagSeverity? severity = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("flag"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                flag = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("severity"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                severity = FastJson.Enum<BoooplyRedFlagSeverity>(ref reader);
            }
            else if (name.SequenceEqual("context"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                context = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyRedFlag { Flag = flag, Severity = severity, Context = context, ExtensionData = extensionData };
    }

    private static BoooplyPositiveSignal PositiveSignal(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? signal = null, context = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("signal"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                signal = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("context"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                context = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyPositiveSignal { Signal = signal, Context = context, ExtensionData = extensionData };
    }

    private static BoooplySentimentAnalysis SentimentAnalysis(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        BoooplySentimentLevel? enthusiasm = null, stressLevel = null;
        BoooplyAuthenticity? authenticity = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("enthusiasm"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                enthusiasm = FastJson.Enum<BoooplySentimentLevel>(ref reader);
            }
            else if (name.SequenceEqual("authenticity"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                authenticity = FastJson.Enum<BoooplyAuthenticity>(ref reader);
            }
            else if (name.SequenceEqual("stressLevel"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                stressLevel = FastJson.Enum<BoooplySentimentLevel>(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplySentimentAnalysis { Enthusiasm = enthusiasm, Authenticity = authenticity, StressLevel = stressLevel, ExtensionData = extensionData };
    }

    private static BoooplyQuestionAsked QuestionAsked(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? topic = null, question = null, candidateAnswer = null, timestamp = null;
        decimal? answerQuality = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("topic"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                topic = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("question"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                question = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("candidateAnswer"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                candidateAnswer = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("answerQuality"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                answerQuality = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                timestamp = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, QuestionAskedIgnored);
            }
        }

        return new BoooplyQuestionAsked
        {
            Topic = topic,
            Question = question,
            CandidateAnswer = candidateAnswer,
            AnswerQuality = answerQuality,
            Timestamp = timestamp,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyNextSteps NextSteps(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? recommendation = null;
        List<string>? questionsToAsk = null, focusAreasForNextRound = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("recommendation"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                recommendation = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("questionsToAsk"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                questionsToAsk = FastJson.List(ref reader, FastJson.StringItem, allowNullItems: true);
            }
            else if (name.SequenceEqual("focusAreasForNextRound"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                focusAreasForNextRound = FastJson.List(ref reader, FastJson.StringItem, allowNullItems: true);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyNextSteps
        {
            Recommendation = recommendation,
            QuestionsToAsk = questionsToAsk,
            FocusAreasForNextRound = focusAreasForNextRound,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyScoresData ScoresData(ref Utf8JsonReader reader)
    {
        string? meetingCode = null, candidateName = null, jobRole = null, source = null, sourceId = null, sourcePlatform = null, oneLineSummary = null;
        decimal? overallRating = null;
        BoooplyRecommendation? recommendation = null;
        BoooplyConfidenceLevel? confidenceLevel = null;
        BoooplyScores? scores = null;
        BoooplyRecruiterRatings? ratingsForRecruiters = null;
        DateTimeOffset? timestamp = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("meetingCode"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                meetingCode = FastJson.RequiredString(ref reader);
            }
            else if (name.SequenceEqual("candidateName"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                candidateName = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("jobRole"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                jobRole = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("source"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                source = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourceId"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                sourceId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourcePlatform"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                sourcePlatform = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("overallRating"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                overallRating = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("recommendation"u8))
            {
                FastJson.Mark(ref seen, 1 << 7);
                recommendation = FastJson.Enum<BoooplyRecommendation>(ref reader);
            }
            else if (name.SequenceEqual("confidenceLevel"u8))
            {
                FastJson.Mark(ref seen, 1 << 8);
                confidenceLevel = FastJson.Enum<BoooplyConfidenceLevel>(ref reader);
            }
            else if (name.SequenceEqual("scores"u8))
            {
                FastJson.Mark(ref seen, 1 << 9);
                scores = FastJson.Object(ref reader, Scores);
            }
            else if (name.SequenceEqual("ratingsForRecruiters"u8))
            {
                FastJson.Mark(ref seen, 1 << 10);
                ratingsForRecruiters = FastJson.Object(ref reader, RecruiterRatings);
            }
            else if (name.SequenceEqual("oneLineSummary"u8))
            {
                FastJson.Mark(ref seen, 1 << 11);
                oneLineSummary = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                FastJson.Mark(ref seen, 1 << 12);
                timestamp = Timestamp(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new BoooplyScoresData
        {
            MeetingCode = meetingCode ?? FastJson.Decline<string>(),
            CandidateName = candidateName,
            JobRole = jobRole,
            Source = source,
            SourceId = sourceId,
            SourcePlatform = sourcePlatform,
            OverallRating = overallRating,
            Recommendation = recommendation,
            ConfidenceLevel = confidenceLevel,
            Scores = scores,
            RatingsForRecruiters = ratingsForRecruiters,
            OneLineSummary = oneLineSummary,
            Timestamp = timestamp,
            ExtensionData = extensionData,
        };
    }

    private static BoooplyRecordingData RecordingData(ref Utf8JsonReader reader)
    {
        string? meetingCode = null, title = null, source = null, sourceId = null, sourcePlatform = null, videoUrl = null, videoApiUrl = null;
        decimal? duration = null;
        BoooplyRecordingFormat? format = null;
        DateTimeOffset? timestamp = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("meetingCode"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                meetingCode = FastJson.RequiredString(ref reader);
            }
            else if (name.SequenceEqual("title"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                title = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("source"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                source = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourceId"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                sourceId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("sourcePlatform"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                sourcePlatform = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("duration"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                duration = FastJson.Decimal(ref reader);
            }
            else if (name.SequenceEqual("format"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                format = FastJson.Enum<BoooplyRecordingFormat>(ref reader);
            }
            else if (name.SequenceEqual("videoUrl"u8))
            {
                FastJson.Mark(ref seen, 1 << 7);
                videoUrl = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("videoApiUrl"u8))
            {
                FastJson.Mark(ref seen, 1 << 8);
                videoApiUrl = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                FastJson.Mark(ref seen, 1 << 9);
                timestamp = Timestamp(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, RecordingIgnored);
            }
        }

        return new BoooplyRecordingData
        {
            MeetingCode = meetingCode ?? FastJson.Decline<string>(),
            Title = title,
            Source = source,
            SourceId = sourceId,
            SourcePlatform = sourcePlatform,
            DurationSeconds = duration,
            Format = format,
            VideoUrl = videoUrl,
            VideoApiUrl = videoApiUrl,
            Timestamp = timestamp,
            ExtensionData = extensionData,
        };
    }
}
