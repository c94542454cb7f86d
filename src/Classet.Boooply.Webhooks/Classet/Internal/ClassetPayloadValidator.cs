using System.Text.Json;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// Checks what source generation cannot express: no <c>null</c> entries in lists and in <c>changes</c>, the documented
/// types of the known fields inside <c>changes</c> (whose values are otherwise arbitrary JSON), and
/// <c>interview_custom_data</c> being an object. So the typed getters never fail on a deserialized event.
/// </summary>
internal static class ClassetPayloadValidator
{
    public static void Validate(ClassetInterviewUpdatedEvent webhookEvent, ReadOnlySpan<byte> utf8Json)
    {
        foreach (var (name, change) in webhookEvent.Changes)
        {
            if (change is null)
            {
                throw Fail(utf8Json, "is null; expected an object with from and to", "changes", name);
            }

            switch (name)
            {
                case ClassetInterviewUpdatedEvent.FieldNames.InterviewOutcome:
                case ClassetInterviewUpdatedEvent.FieldNames.InterviewSummary:
                    CheckKind(utf8Json, change.From, name, "from", JsonValueKind.String, "a string or null");
                    CheckKind(utf8Json, change.To, name, "to", JsonValueKind.String, "a string or null");
                    break;
                case ClassetInterviewUpdatedEvent.FieldNames.InterviewCompletedAt:
                case ClassetInterviewUpdatedEvent.FieldNames.InterviewSentAt:
                    CheckTimestamp(utf8Json, change.From, name, "from");
                    CheckTimestamp(utf8Json, change.To, name, "to");
                    break;
                case ClassetInterviewUpdatedEvent.FieldNames.InterviewCustomData:
                    CheckKind(utf8Json, change.From, name, "from", JsonValueKind.Object, "an object or null");
                    CheckKind(utf8Json, change.To, name, "to", JsonValueKind.Object, "an object or null");
                    break;
            }
        }
    }

#pragma warning disable CS0618 // The deprecated event is still delivered, so it must still be checked.
    public static void Validate(ClassetCallCompletedEvent webhookEvent, ReadOnlySpan<byte> utf8Json)
#pragma warning restore CS0618
    {
        if (webhookEvent.Transcript is { } transcript)
        {
            for (var i = 0; i < transcript.Count; i++)
            {
                if (transcript[i] is not { } entry)
                {
                    throw Fail(utf8Json, "is null; expected a transcript entry object", "transcript", i);
                }

                if (entry.Words is { } words)
                {
                    for (var j = 0; j < words.Count; j++)
                    {
                        if (words[j] is null)
                        {
                            throw Fail(utf8Json, "is null; expected a word object", "transcript", i, "words", j);
                        }
                    }
                }
            }
        }

        if (webhookEvent.Questions is { } questions)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                if (questions[i] is null)
                {
                    throw Fail(utf8Json, "is null; expected a question object", "questions", i);
                }
            }
        }
    }

    private static void CheckKind(ReadOnlySpan<byte> utf8Json, JsonElement value, string name, string side, JsonValueKind expected, string description)
    {
        if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null) && value.ValueKind != expected)
        {
            throw Fail(utf8Json, $"has the wrong type; expected {description}", "changes", name, side);
        }
    }

    private static void CheckTimestamp(ReadOnlySpan<byte> utf8Json, JsonElement value, string name, string side)
    {
        if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
            && !WebhookTimestamp.TryRead(value, out _))
        {
            throw Fail(utf8Json, "has the wrong type; expected an ISO 8601 timestamp or null", "changes", name, side);
        }
    }

    private static WebhookPayloadException Fail(ReadOnlySpan<byte> utf8Json, string what, params ReadOnlySpan<object> segments)
    {
        var path = "$";
        foreach (var segment in segments)
        {
            path = segment is int index ? $"{path}[{index}]" : PayloadPath.Append(path, (string)segment);
        }

        var position = ClassetJsonLocator.Find(utf8Json, segments);
        return ClassetPayloadErrors.At(utf8Json, position, $"Invalid webhook payload: the value at {path} {what}", path);
    }
}
