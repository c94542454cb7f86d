using System.Globalization;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Tests.Boooply;

/// <summary>JSON deep equality: object key order ignored, numbers compared by value; reports the first difference's path.</summary>
internal static class JsonSemantic
{
    public static void ShouldEqual(string actual, string expected)
    {
        using var a = JsonDocument.Parse(actual);
        using var e = JsonDocument.Parse(expected);
        var difference = FirstDifference(a.RootElement, e.RootElement, "$");
        difference.Should().BeNull($"the JSON should be equal\nactual:   {actual}\nexpected: {expected}");
    }

    public static string? FirstDifference(JsonElement actual, JsonElement expected, string path)
    {
        if (actual.ValueKind != expected.ValueKind)
        {
            return $"{path}: {actual.ValueKind} vs {expected.ValueKind}";
        }

        switch (actual.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var expectedProperties = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var name in expectedProperties.Keys.Union(actualProperties.Keys))
                {
                    if (!actualProperties.TryGetValue(name, out var actualValue))
                    {
                        return $"{path}.{name}: missing";
                    }

                    if (!expectedProperties.TryGetValue(name, out var expectedValue))
                    {
                        return $"{path}.{name}: unexpected";
                    }

                    if (FirstDifference(actualValue, expectedValue, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var actualItems = actual.EnumerateArray().ToList();
                var expectedItems = expected.EnumerateArray().ToList();
                if (actualItems.Count != expectedItems.Count)
                {
                    return $"{path}: {actualItems.Count} items vs {expectedItems.Count}";
                }

                for (var i = 0; i < actualItems.Count; i++)
                {
                    if (FirstDifference(actualItems[i], expectedItems[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var same = actual.TryGetDecimal(out var x) && expected.TryGetDecimal(out var y)
                    ? x == y
                    : double.Parse(actual.GetRawText(), CultureInfo.InvariantCulture) == double.Parse(expected.GetRawText(), CultureInfo.InvariantCulture);
                return same ? null : $"{path}: {actual.GetRawText()} vs {expected.GetRawText()}";
            case JsonValueKind.String:
                return actual.GetString() == expected.GetString() ? null : $"{path}: \"{actual.GetString()}\" vs \"{expected.GetString()}\"";
            default:
                return null;
        }
    }
}
