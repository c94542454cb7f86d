using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Classet.Boooply.Webhooks.Classet;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// One forward-only pass over a Classet body, before anything is bound. It checks everything the binder should not
/// have to (valid UTF-8, well-formed JSON, one object at the root, the depth limit, strings that unescape), finds the
/// top-level <c>event</c> wherever it sits, and notes the shape facts dispatch and the required-part checks need.
/// </summary>
/// <remarks>
/// The reader is iterative and bounded by <see cref="WebhookJson.MaxDepth"/>, so no input (10,000 nested arrays
/// included) can exhaust the stack. Nothing is allocated unless the event is unknown or a string is escaped.
/// </remarks>
internal static class ClassetPayloadInspector
{
    private enum TopLevel
    {
        Other,
        Event,
        Changes,
        Data,
        CallShape,
    }

    public static ClassetPayloadShape Inspect(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            var index = IndexOfInvalidUtf8(utf8Json);
            throw ClassetPayloadErrors.At(utf8Json, index, "Invalid webhook payload: the body is not valid UTF-8", "$");
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw ClassetPayloadErrors.At(utf8Json, 0, "Invalid webhook payload: the body is empty; expected a JSON object", "$");
        }

        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        long topNameStart = -1;
        var topNameLength = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw ClassetPayloadErrors.At(
                    utf8Json, reader.TokenStartIndex, $"Invalid webhook payload: the root is {Describe(reader.TokenType)}; expected a JSON object", "$");
            }

            var kind = ClassetPayloadKind.Unknown;
            string? unknownEventType = null;
            var hasEvent = false;
            var hasCallShape = false;
            var hasChanges = false;
            var hasData = false;
            var inData = false;
            var atCustomData = false;
            long badCustomDataIndex = -1;
            var current = TopLevel.Other;

            while (reader.Read())
            {
                var token = reader.TokenType;
                var depth = reader.CurrentDepth;
                if (token is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
                {
                    ValidateEscapedString(ref reader, utf8Json);
                }

                if (token == JsonTokenType.PropertyName)
                {
                    if (depth == 1)
                    {
                        current = Classify(ref reader);
                        topNameStart = reader.TokenStartIndex + 1;
                        topNameLength = reader.ValueSpan.Length;
                    }
                    else if (depth == 2 && inData)
                    {
                        atCustomData = reader.ValueTextEquals("interview_custom_data"u8);
                    }

                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    if (depth == 1)
                    {
                        inData = false;
                        topNameStart = -1;
                    }

                    continue;
                }

                if (depth == 2 && inData && atCustomData)
                {
                    atCustomData = false;
                    if (token is not (JsonTokenType.StartObject or JsonTokenType.Null) && badCustomDataIndex < 0)
                    {
                        badCustomDataIndex = reader.TokenStartIndex;
                    }
                }

                if (depth != 1)
                {
                    continue;
                }

                // A value of a top-level property. Repeated names: the last one wins, as in JSON.parse.
                switch (current)
                {
                    case TopLevel.Event:
                        if (token != JsonTokenType.String)
                        {
                            throw ClassetPayloadErrors.At(
                                utf8Json, reader.TokenStartIndex, $"Invalid webhook payload: the value at $.event is {Describe(token)}; expected a string", "$.event");
                        }

                        hasEvent = true;
                        (kind, unknownEventType) = reader.ValueTextEquals("candidate.interview.updated"u8)
                            ? (ClassetPayloadKind.InterviewUpdated, null)
                            : reader.ValueTextEquals("call_completed"u8)
                                ? (ClassetPayloadKind.CallCompleted, null)
                                : (ClassetPayloadKind.Unknown, reader.GetString());
                        break;
                    case TopLevel.Changes:
                        hasChanges = true;
                        break;
                    case TopLevel.Data:
                        hasData = true;
                        inData = token == JsonTokenType.StartObject;
                        badCustomDataIndex = -1;
                        break;
                    case TopLevel.CallShape:
                        hasCallShape = true;
                        break;
                }

                if (token is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    // The member is complete; a later syntax error is not inside it.
                    topNameStart = -1;
                }
            }

            if (!hasEvent && hasCallShape)
            {
                kind = ClassetPayloadKind.CallCompleted;
            }

            return new ClassetPayloadShape
            {
                Kind = kind,
                UnknownEventType = kind == ClassetPayloadKind.Unknown ? unknownEventType ?? string.Empty : null,
                HasChanges = hasChanges,
                HasData = hasData,
                BadCustomDataIndex = badCustomDataIndex,
            };
        }
        catch (JsonException exception)
        {
            var what = IsTooDeep(ref reader, utf8Json)
                ? $"the JSON is nested deeper than the limit of {WebhookJson.MaxDepth}"
                : "the body is not valid JSON";
            var path = topNameStart < 0 ? "$" : ClassetPayloadErrors.PathOf(utf8Json.Slice((int)topNameStart, topNameLength));
            var where = exception.LineNumber is { } line ? $" (line {line}, byte {exception.BytePositionInLine ?? 0})" : string.Empty;
            throw new WebhookPayloadException(
                $"Invalid webhook payload: {what}, inside {path}{where}.", path, exception.LineNumber, exception.BytePositionInLine);
        }
    }

    // The reader reports depth and syntax errors with the same exception type; the message is not a contract. It
    // failed for depth when it stands at the limit and the next thing in the body opens one more container.
    private static bool IsTooDeep(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json)
    {
        if (reader.CurrentDepth < WebhookJson.MaxDepth - 1)
        {
            return false;
        }

        var rest = utf8Json[(int)Math.Min(reader.BytesConsumed, utf8Json.Length)..].TrimStart(" \t\r\n:"u8);
        return !rest.IsEmpty && rest[0] is (byte)'[' or (byte)'{';
    }

    private static TopLevel Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("event"u8))
        {
            return TopLevel.Event;
        }

        if (reader.ValueTextEquals("changes"u8))
        {
            return TopLevel.Changes;
        }

        if (reader.ValueTextEquals("data"u8))
        {
            return TopLevel.Data;
        }

        return reader.ValueTextEquals("call_status"u8) || reader.ValueTextEquals("call_id"u8) ? TopLevel.CallShape : TopLevel.Other;
    }

    // The binder and JsonElement.WriteTo unescape strings later; a lone surrogate escape (\ud800) would make either
    // throw a non-payload exception, so it is rejected here, with a position.
    private static void ValidateEscapedString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json)
    {
        var rented = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            reader.CopyString(rented);
        }
        catch (InvalidOperationException)
        {
            throw ClassetPayloadErrors.At(
                utf8Json, reader.TokenStartIndex, "Invalid webhook payload: a string has an escape sequence that is not valid UTF-16", "$");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int IndexOfInvalidUtf8(ReadOnlySpan<byte> utf8Json)
    {
        var index = 0;
        while (index < utf8Json.Length)
        {
            if (Rune.DecodeFromUtf8(utf8Json[index..], out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return index;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not a JSON value",
    };
}
