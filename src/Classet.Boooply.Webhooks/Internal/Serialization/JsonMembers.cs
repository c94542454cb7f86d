using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>Finds where the members of a JSON object, or the items of an array, sit in a body that has already been parsed.</summary>
internal static class JsonMembers
{
    public static bool IsObject(ReadOnlySpan<byte> json) => !json.IsEmpty && json[0] == (byte)'{';

    public static bool IsArray(ReadOnlySpan<byte> json) => !json.IsEmpty && json[0] == (byte)'[';

    /// <summary>
    /// The members of the object <paramref name="json"/>, each once, in the order their names first appear, with the
    /// value of the last occurrence (what <c>JSON.parse</c> keeps, and what the deserializer kept). Names are compared
    /// unescaped, as the deserializer compares them.
    /// </summary>
    public static List<JsonMember> Scan(ReadOnlySpan<byte> json)
    {
        var members = new List<JsonMember>();
        Dictionary<string, int>? positions = null;
        var reader = new Utf8JsonReader(json, WebhookJson.ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length + 2;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var member = new JsonMember(name, nameStart, nameLength, start, (int)reader.BytesConsumed - start);

            // Small objects are searched linearly; a dictionary only for large ones.
            if (members.Count >= 16 && positions is null)
            {
                positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var index = 0; index < members.Count; index++)
                {
                    positions.TryAdd(members[index].Name, index);
                }
            }

            var existing = positions is not null ? (positions.TryGetValue(name, out var found) ? found : -1) : members.FindIndex(m => m.Name == name);
            if (existing >= 0)
            {
                // The first occurrence's place and spelling of the name, the last occurrence's value.
                members[existing] = member with { NameStart = members[existing].NameStart, NameLength = members[existing].NameLength };
            }
            else
            {
                positions?.Add(name, members.Count);
                members.Add(member);
            }
        }

        return members;
    }

    /// <summary>Where each item of the array <paramref name="json"/> starts and how long it is.</summary>
    public static List<(int Start, int Length)> ScanArray(ReadOnlySpan<byte> json)
    {
        var items = new List<(int Start, int Length)>();
        var reader = new Utf8JsonReader(json, WebhookJson.ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            items.Add((start, (int)reader.BytesConsumed - start));
        }

        return items;
    }
}
