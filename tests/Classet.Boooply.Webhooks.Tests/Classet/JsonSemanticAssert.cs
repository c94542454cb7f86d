using System.Globalization;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Tests.Classet;

/// <summary>
/// JSON equality by meaning: property order and formatting are ignored, numbers compare by value, and two strings
/// that are both ISO 8601 timestamps compare by instant (a re-serialized timestamp may change form, not instant).
/// </summary>
internal static class JsonSemanticAssert
{
    public static void Equal(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
        difference.Should().BeNull($"the JSON should mean the same.\nExpected: {expected}\nActual:   {actual}");
    }

    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} != {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedProperties = Properties(expected);
                var actualProperties = Properties(actual);
                foreach (var name in expectedProperties.Keys.Union(actualProperties.Keys))
                {
                    if (!expectedProperties.TryGetValue(name, out var e))
                    {
                        return $"{path}.{name}: unexpected property";
                    }

                    if (!actualProperties.TryGetValue(name, out var a))
                    {
                        return $"{path}.{name}: missing property";
                    }

                    if (FindDifference(e, a, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: array length {expected.GetArrayLength()} != {actual.GetArrayLength()}";
                }

                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (FindDifference(e, a, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : $"{path}: {expected.GetRawText()} != {actual.GetRawText()}";
            case JsonValueKind.String:
                var expectedText = expected.GetString();
                var actualText = actual.GetString();
                if (expectedText == actualText)
                {
                    return null;
                }

                return expected.TryGetDateTimeOffset(out var expectedInstant)
                    && actual.TryGetDateTimeOffset(out var actualInstant)
                    && expectedInstant.UtcTicks == actualInstant.UtcTicks
                        ? null
                        : $"{path}: \"{expectedText}\" != \"{actualText}\"";
            default:
                return null;
        }
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        return properties;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText())
        {
            return true;
        }

        if (expected.TryGetDecimal(out var expectedDecimal) && actual.TryGetDecimal(out var actualDecimal))
        {
            return expectedDecimal == actualDecimal;
        }

        return double.Parse(expected.GetRawText(), CultureInfo.InvariantCulture)
            .Equals(double.Parse(actual.GetRawText(), CultureInfo.InvariantCulture));
    }
}
