using System.Text.Json;
using System.Text.Unicode;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>
/// Walks a Boooply body once with a <see cref="Utf8JsonReader"/>, whatever the property order, before anything is
/// bound. It proves the body is one JSON object within the depth limit with valid UTF-8 in every string, and finds
/// <c>event</c>, the kind of <c>data</c> and <c>data.meetingCode</c>, so shape errors get precise messages. A repeated
/// key is read as <c>JSON.parse</c> and the binder read it: the last one wins.
/// </summary>
internal static class BoooplyEnvelopeReader
{
    private const int None = 0;
    private const int ExpectEvent = 1;
    private const int ExpectData = 2;
    private const int ExpectMeetingCode = 3;

    /// <exception cref="WebhookPayloadException">The body is not a single well-formed JSON object.</exception>
    public static BoooplyEnvelopeInfo Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        string? eventType = null;
        var eventToken = JsonTokenType.None;
        var dataToken = JsonTokenType.None;
        var meetingCodeToken = JsonTokenType.None;
        var expecting = None;
        var insideData = false;
        try
        {
            if (!reader.Read())
            {
                throw new WebhookPayloadException("Invalid webhook payload: the body is empty; expected a JSON object.", "$", null, null);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new WebhookPayloadException(
                    $"Invalid webhook payload: the root is {Describe(reader.TokenType)}; expected a JSON object (byte offset {reader.TokenStartIndex}).", "$", null, null);
            }

            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    EnsureValidText(ref reader);
                }

                if (token == JsonTokenType.PropertyName)
                {
                    expecting = reader.CurrentDepth switch
                    {
                        1 when reader.ValueTextEquals("event"u8) => ExpectEvent,
                        1 when reader.ValueTextEquals("data"u8) => ExpectData,
                        2 when insideData && reader.ValueTextEquals("meetingCode"u8) => ExpectMeetingCode,
                        _ => None,
                    };
                    continue;
                }

                switch (expecting)
                {
                    case ExpectEvent:
                        eventToken = token;
                        eventType = token == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case ExpectData:
                        // A later "data" replaces an earlier one, its meetingCode included.
                        dataToken = token;
                        insideData = token == JsonTokenType.StartObject;
                        meetingCodeToken = JsonTokenType.None;
                        break;
                    case ExpectMeetingCode:
                        meetingCodeToken = token;
                        break;
                }

                expecting = None;
                if (insideData && token == JsonTokenType.EndObject && reader.CurrentDepth == 1)
                {
                    insideData = false;
                }
            }
        }
        catch (JsonException exception)
        {
            throw WebhookPayloadException.FromJsonException(exception);
        }

        return new BoooplyEnvelopeInfo(eventType, eventToken, dataToken, meetingCodeToken);
    }

    private static void EnsureValidText(ref Utf8JsonReader reader)
    {
        // The reader checks structure, not the UTF-8 inside strings; bad text would otherwise surface later as an
        // InvalidOperationException from GetString, far from the parser and outside the documented exception.
        bool valid;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            valid = Utf8.IsValid(reader.ValueSpan);
        }
        else
        {
            try
            {
                _ = reader.GetString();
                valid = true;
            }
            catch (InvalidOperationException)
            {
                valid = false;
            }
        }

        if (!valid)
        {
            throw new WebhookPayloadException(
                $"Invalid webhook payload: a string is not valid UTF-8 (byte offset {reader.TokenStartIndex}).", null, null, null);
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not an object",
    };
}
