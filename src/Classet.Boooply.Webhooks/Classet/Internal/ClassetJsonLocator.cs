using System.Text.Json;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet.Internal;

/// <summary>
/// Finds where a value sits in a body, for error messages about problems found after binding. Only used on the
/// error path, on a body the inspector has already validated.
/// </summary>
internal static class ClassetJsonLocator
{
    /// <summary>The byte offset of the value at <paramref name="segments"/> (property names and array indexes), or 0 when not found.</summary>
    public static long Find(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<object> segments)
    {
        var reader = new Utf8JsonReader(utf8Json, WebhookJson.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return 0;
            }

            foreach (var segment in segments)
            {
                if (!Descend(ref reader, segment))
                {
                    return 0;
                }
            }

            return reader.TokenStartIndex;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static bool Descend(ref Utf8JsonReader reader, object segment)
    {
        if (segment is string name && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }

        if (segment is int index && reader.TokenType == JsonTokenType.StartArray)
        {
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == index)
                {
                    return true;
                }

                reader.Skip();
            }
        }

        return false;
    }
}
