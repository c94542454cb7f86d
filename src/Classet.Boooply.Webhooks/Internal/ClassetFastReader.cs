using System.Text;
using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Reads what Classet sends, <c>candidate.interview.updated</c> (with <c>event</c> first) and <c>call_completed</c>,
/// in one <see cref="Utf8JsonReader"/> pass straight into the event records. The general path walks the body once
/// to inspect it and again to bind it, and the generated binder sets the records' init-only members through its
/// constructor-argument path; together they cost four to five times a bare reader pass.
/// </summary>
/// <remarks>
/// Only the well-formed shape is handled: anything else (a wrong token type, a number beyond a finite double, a
/// repeated key, an escaped or <c>$</c>-prefixed name, a <c>null</c> where the records or
/// <see cref="ClassetPayloadValidator"/> forbid one, JSON errors) makes <see cref="TryRead"/> return
/// <see langword="null"/>, and the serializer inspects and binds the body the general way, so errors keep their exact
/// paths and messages and this reader cannot change an outcome. The caller has checked the UTF-8 and that no string
/// holds a lone surrogate escape, which is everything the inspector checks beyond what the reader does.
/// </remarks>
internal static class ClassetFastReader
{
    private static readonly string[] EventIgnored = ["EventType"];
    private static readonly string[] CallDetailsIgnored = ["Duration", "StartedAt", "EndedAt", "EndToEndLatency"];
    private static readonly string[] WordIgnored = ["Start", "End"];

    // Most changes start from null; literals share one immutable element instead of a document each.
    private static readonly JsonElement Null = Literal("null"u8);
    private static readonly JsonElement True = Literal("true"u8);
    private static readonly JsonElement False = Literal("false"u8);

    public static ClassetWebhookEvent? TryRead(ReadOnlySpan<byte> utf8Json)
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

    private static ClassetWebhookEvent? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !FastJson.NextProperty(ref reader, out var first))
        {
            return null;
        }

        if (!first.SequenceEqual("event"u8))
        {
            return CallCompleted(ref reader);
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        if (reader.ValueTextEquals("candidate.interview.updated"u8))
        {
            return InterviewUpdated(ref reader);
        }

        if (reader.ValueTextEquals("call_completed"u8))
        {
            // The call record has no "event" member: the generated binder keeps it as extension data.
            var extensionData = new Dictionary<string, JsonElement> { ["event"] = JsonElement.ParseValue(ref reader) };
            return FastJson.NextProperty(ref reader, out _) ? CallCompleted(ref reader, extensionData) : null;
        }

        return null;
    }

    private static ClassetInterviewUpdatedEvent InterviewUpdated(ref Utf8JsonReader reader)
    {
        Dictionary<string, ClassetFieldChange>? changes = null;
        ClassetInterviewData? data = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("changes"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                reader.Read();
                changes = Changes(ref reader);
            }
            else if (name.SequenceEqual("data"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                reader.Read();
                data = InterviewData(ref reader);
            }
            else if (name.SequenceEqual("event"u8))
            {
                FastJson.Decline();
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, EventIgnored);
            }
        }

        FastJson.End(ref reader);
        return new ClassetInterviewUpdatedEvent
        {
            Changes = changes ?? FastJson.Decline<Dictionary<string, ClassetFieldChange>>(),
            Data = data ?? FastJson.Decline<ClassetInterviewData>(),
            ExtensionData = extensionData,
        };
    }

    private static Dictionary<string, ClassetFieldChange> Changes(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        var changes = new Dictionary<string, ClassetFieldChange>();
        while (FastJson.NextProperty(ref reader, out var name))
        {
            var key = Encoding.UTF8.GetString(name);
            reader.Read();
            if (!changes.TryAdd(key, FieldChange(ref reader)))
            {
                FastJson.Decline();
            }
        }

        return changes;
    }

    private static ClassetFieldChange FieldChange(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        JsonElement from = default, to = default;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("from"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                reader.Read();
                from = Value(ref reader);
            }
            else if (name.SequenceEqual("to"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                reader.Read();
                to = Value(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new ClassetFieldChange { From = from, To = to, ExtensionData = extensionData };
    }

    private static JsonElement Value(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => Null,
        JsonTokenType.True => True,
        JsonTokenType.False => False,
        _ => JsonElement.ParseValue(ref reader),
    };

    private static ClassetInterviewData InterviewData(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? candidateId = null, summary = null;
        DateTimeOffset? completedAt = null, sentAt = null;
        ClassetInterviewOutcome? outcome = null;
        JsonElement? customData = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("candidate_id"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                candidateId = FastJson.RequiredString(ref reader);
            }
            else if (name.SequenceEqual("interview_completed_at"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                completedAt = Timestamp(ref reader);
            }
            else if (name.SequenceEqual("interview_sent_at"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                sentAt = Timestamp(ref reader);
            }
            else if (name.SequenceEqual("interview_outcome"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                outcome = FastJson.Enum<ClassetInterviewOutcome>(ref reader);
            }
            else if (name.SequenceEqual("interview_summary"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                summary = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("interview_custom_data"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                reader.Read();
                customData = reader.TokenType switch
                {
                    JsonTokenType.StartObject => JsonElement.ParseValue(ref reader),
                    JsonTokenType.Null => null,
                    _ => FastJson.Decline<JsonElement?>(),
                };
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new ClassetInterviewData
        {
            CandidateId = candidateId ?? FastJson.Decline<string>(),
            InterviewCompletedAt = completedAt,
            InterviewSentAt = sentAt,
            InterviewOutcome = outcome,
            InterviewSummary = summary,
            InterviewCustomData = customData,
            ExtensionData = extensionData,
        };
    }

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when reader.TryGetDateTimeOffset(out var value) => value,
            JsonTokenType.Null => null,
            _ => FastJson.Decline<DateTimeOffset?>(),
        };
    }

#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be parsed.

    /// <summary>Reads a call from its first property on, where the reader stands.</summary>
    private static ClassetCallCompletedEvent? CallCompleted(ref Utf8JsonReader reader, Dictionary<string, JsonElement>? extensionData = null)
    {
        var isCallCompleted = extensionData is not null;
        string? candidateId = null, candidatePhone = null, jobId = null, jobTitle = null, callId = null, recordingUrl = null;
        ClassetCallStatus? callStatus = null;
        List<ClassetTranscriptEntry>? transcript = null;
        List<ClassetCallQuestion>? questions = null;
        ClassetCallDetails? callDetails = null;
        var seen = 0;
        for (var more = true; more; more = FastJson.NextProperty(ref reader, out _))
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("candidate_id"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                candidateId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("candidate_phone"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                candidatePhone = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("job_id"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                jobId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("job_title"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                jobTitle = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("call_status"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                isCallCompleted = true;
                callStatus = FastJson.Enum<ClassetCallStatus>(ref reader);
            }
            else if (name.SequenceEqual("transcript"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                transcript = Transcript(ref reader);
            }
            else if (name.SequenceEqual("questions"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                questions = FastJson.List(ref reader, CallQuestion, allowNullItems: false);
            }
            else if (name.SequenceEqual("call_details"u8))
            {
                FastJson.Mark(ref seen, 1 << 7);
                callDetails = FastJson.Object(ref reader, CallDetails);
            }
            else if (name.SequenceEqual("call_id"u8))
            {
                FastJson.Mark(ref seen, 1 << 8);
                isCallCompleted = true;
                callId = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("recording_url"u8))
            {
                FastJson.Mark(ref seen, 1 << 9);
                recordingUrl = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("event"u8))
            {
                // Anywhere but first, "event" decides the kind; the general path sorts that out.
                FastJson.Decline();
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, EventIgnored);
            }
        }

        FastJson.End(ref reader);

        // Without "event", only call_status or call_id makes a body a call; anything else is an unknown event.
        return isCallCompleted
            ? new ClassetCallCompletedEvent
            {
                CandidateId = candidateId,
                CandidatePhone = candidatePhone,
                JobId = jobId,
                JobTitle = jobTitle,
                CallStatus = callStatus,
                Transcript = transcript,
                Questions = questions,
                CallDetails = callDetails,
                CallId = callId,
                RecordingUrl = recordingUrl,
                ExtensionData = extensionData,
            }
            : null;
    }
#pragma warning restore CS0618

    private static List<ClassetTranscriptEntry>? Transcript(ref Utf8JsonReader reader)
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

        var entries = new List<ClassetTranscriptEntry>();
        string? role = null, otherRole = null;
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return entries;
            }

            entries.Add(TranscriptEntry(ref reader, ref role, ref otherRole));
        }
    }

    private static ClassetTranscriptEntry TranscriptEntry(ref Utf8JsonReader reader, ref string? recentRole, ref string? olderRole)
    {
        FastJson.StartObject(ref reader);
        string? role = null, content = null;
        List<ClassetTranscriptWord>? words = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("role"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                role = FastJson.RepeatedString(ref reader, ref recentRole, ref olderRole);
            }
            else if (name.SequenceEqual("words"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                words = FastJson.List(ref reader, Word, allowNullItems: false);
            }
            else if (name.SequenceEqual("content"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                content = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new ClassetTranscriptEntry { Role = role, Words = words, Content = content, ExtensionData = extensionData };
    }

    private static ClassetTranscriptWord Word(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        double? start = null, end = null;
        string? word = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("start"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                start = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("end"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                end = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("word"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                word = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, WordIgnored);
            }
        }

        return new ClassetTranscriptWord { StartSeconds = start, EndSeconds = end, Word = word, ExtensionData = extensionData };
    }

    private static ClassetCallQuestion CallQuestion(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? question = null, answer = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("question"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                question = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("answer"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                answer = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new ClassetCallQuestion { Question = question, Answer = answer, ExtensionData = extensionData };
    }

    private static ClassetCallDetails CallDetails(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        double? duration = null, startTime = null, endTime = null, latency = null;
        ClassetCallAnalysis? analysis = null;
        string? orgPhoneNumber = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("duration"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                duration = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("start_time"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                startTime = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("end_time"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                endTime = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("e2e_latency"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                latency = FastJson.FiniteDouble(ref reader);
            }
            else if (name.SequenceEqual("call_analysis"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                analysis = FastJson.Object(ref reader, CallAnalysis);
            }
            else if (name.SequenceEqual("org_phone_number"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                orgPhoneNumber = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData, CallDetailsIgnored);
            }
        }

        return new ClassetCallDetails
        {
            DurationSeconds = duration,
            StartTimeUnixSeconds = startTime,
            EndTimeUnixSeconds = endTime,
            EndToEndLatencyMilliseconds = latency,
            CallAnalysis = analysis,
            OrgPhoneNumber = orgPhoneNumber,
            ExtensionData = extensionData,
        };
    }

    private static ClassetCallAnalysis CallAnalysis(ref Utf8JsonReader reader)
    {
        FastJson.StartObject(ref reader);
        string? summary = null, completionReason = null, taskCompletionReason = null;
        ClassetSentiment? userSentiment = null, agentSentiment = null;
        ClassetCompletionRating? completion = null, taskCompletion = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("call_summary"u8))
            {
                FastJson.Mark(ref seen, 1 << 0);
                summary = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("user_sentiment"u8))
            {
                FastJson.Mark(ref seen, 1 << 1);
                userSentiment = FastJson.Enum<ClassetSentiment>(ref reader);
            }
            else if (name.SequenceEqual("agent_sentiment"u8))
            {
                FastJson.Mark(ref seen, 1 << 2);
                agentSentiment = FastJson.Enum<ClassetSentiment>(ref reader);
            }
            else if (name.SequenceEqual("call_completion_rating"u8))
            {
                FastJson.Mark(ref seen, 1 << 3);
                completion = FastJson.Enum<ClassetCompletionRating>(ref reader);
            }
            else if (name.SequenceEqual("agent_task_completion_rating"u8))
            {
                FastJson.Mark(ref seen, 1 << 4);
                taskCompletion = FastJson.Enum<ClassetCompletionRating>(ref reader);
            }
            else if (name.SequenceEqual("call_completion_rating_reason"u8))
            {
                FastJson.Mark(ref seen, 1 << 5);
                completionReason = FastJson.String(ref reader);
            }
            else if (name.SequenceEqual("agent_task_completion_rating_reason"u8))
            {
                FastJson.Mark(ref seen, 1 << 6);
                taskCompletionReason = FastJson.String(ref reader);
            }
            else
            {
                FastJson.Extension(ref reader, name, ref extensionData);
            }
        }

        return new ClassetCallAnalysis
        {
            CallSummary = summary,
            UserSentiment = userSentiment,
            AgentSentiment = agentSentiment,
            CallCompletionRating = completion,
            AgentTaskCompletionRating = taskCompletion,
            CallCompletionRatingReason = completionReason,
            AgentTaskCompletionRatingReason = taskCompletionReason,
            ExtensionData = extensionData,
        };
    }

    private static JsonElement Literal(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
