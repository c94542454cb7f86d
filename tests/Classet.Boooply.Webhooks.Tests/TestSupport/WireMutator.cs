using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>
/// Makes variants of a body the way a vendor's next release might: members reordered, added, nulled or removed,
/// numbers and timestamps spelled another way. Every variant is compact JSON without repeated keys.
/// </summary>
internal static class WireMutator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    private static readonly string[] Values =
    [
        "null", "true", "1", "1.50", "1E2", "-0", "0.1e-3", "12345678901234567890", "\"\"", "\"caf\\u00e9 \\\"x\\\"\"", "\"2026-03-21T18:30:00Z\"",
        "[]", "{}", "[1,{\"a\":null}]", "{\"b\":{\"c\":[true,false]}}",
    ];

    public static string Mutate(string json, Random random, int operations)
    {
        var root = JsonNode.Parse(json)!;
        for (var i = 0; i < operations; i++)
        {
            var objects = new List<JsonObject>();
            Collect(root, objects);
            var target = objects[random.Next(objects.Count)];
            Apply(target, random, i);
        }

        return root.ToJsonString(Compact);
    }

    private static void Apply(JsonObject target, Random random, int step)
    {
        var names = target.Select(member => member.Key).ToList();
        switch (random.Next(6))
        {
            case 0:
                // Reorder: take the members out and put them back shuffled.
                var members = target.ToList();
                target.Clear();
                foreach (var (name, member) in members.OrderBy(_ => random.Next()))
                {
                    target[name] = member;
                }

                break;
            case 1:
                target[$"x{step}_{random.Next(100)}"] = JsonNode.Parse(Values[random.Next(Values.Length)]);
                break;
            case 2 when names.Count > 0:
                target[names[random.Next(names.Count)]] = null;
                break;
            case 3 when names.Count > 0:
                target.Remove(names[random.Next(names.Count)]);
                break;
            case 4 when names.Count > 0:
                var name4 = names[random.Next(names.Count)];
                if (target[name4] is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                {
                    target[name4] = JsonNode.Parse(Respell(number.ToJsonString(), random));
                }

                break;
            case 5 when names.Count > 0:
                var name5 = names[random.Next(names.Count)];
                if (target[name5] is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { Length: >= 20 } value
                    && value[4] == '-' && value[10] == 'T')
                {
                    target[name5] = random.Next(3) switch
                    {
                        0 => value.Replace(".000Z", "Z", StringComparison.Ordinal),
                        1 => value.TrimEnd('Z') + "+00:00",
                        _ => value.Replace("Z", ".123456Z", StringComparison.Ordinal),
                    };
                }

                break;
        }
    }

    private static string Respell(string number, Random random) => random.Next(3) switch
    {
        0 when !number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase) => number + ".0",
        1 when !number.Contains('e', StringComparison.OrdinalIgnoreCase) => number + "E0",
        _ when number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase) => number + "0",
        _ => number,
    };

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject obj:
                objects.Add(obj);
                foreach (var (_, value) in obj)
                {
                    Collect(value, objects);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, objects);
                }

                break;
        }
    }
}
