using System.Text;

namespace Classet.Boooply.Webhooks.Testing.Internal;

/// <summary>Builds raw test bodies (unknown events, malformed bodies) from the examples, through the JSON tree.</summary>
internal static class TestBodies
{
    /// <summary>Builds <c>{"event": eventType, "data": data}</c> compactly; an empty event type leaves <c>event</c> out.</summary>
    public static byte[] Envelope(string eventType, string dataJson, string parameterName)
    {
        var root = TestJsonValue.Object();
        if (eventType.Length > 0)
        {
            root.Set("event", TestJsonValue.String(eventType));
        }

        root.Set("data", TestJsonParser.Parse(Encoding.UTF8.GetBytes(dataJson), parameterName));
        return TestJsonWriter.WriteJavaScript(root, indented: false);
    }

    /// <summary>Breaks an example body as <paramref name="kind"/> says.</summary>
    /// <param name="example">The example's compact body.</param>
    /// <param name="kind">How to break it.</param>
    /// <param name="wrongTypeField">The <c>data</c> member given a value of the wrong type.</param>
    /// <param name="wrongTypeValue">That value, as a JSON literal.</param>
    /// <param name="removeRequired">Removes a required member from the root.</param>
    public static byte[] Malformed(byte[] example, WebhookTestMalformation kind, string wrongTypeField, string wrongTypeValue, Action<TestJsonValue> removeRequired)
    {
        switch (kind)
        {
            case WebhookTestMalformation.TrailingComma:
                return [.. example.AsSpan(0, example.Length - 1), (byte)',', (byte)'}'];
            case WebhookTestMalformation.Truncated:
                return example.AsSpan(0, example.Length / 2).ToArray();
            case WebhookTestMalformation.WrongType:
            {
                var root = TestJsonParser.Parse(example, nameof(example));
                root.Get("data")!.Set(wrongTypeField, TestJsonParser.Parse(Encoding.UTF8.GetBytes(wrongTypeValue), nameof(wrongTypeValue)));
                return TestJsonWriter.WriteJavaScript(root, indented: false);
            }

            case WebhookTestMalformation.MissingRequiredField:
            {
                var root = TestJsonParser.Parse(example, nameof(example));
                removeRequired(root);
                return TestJsonWriter.WriteJavaScript(root, indented: false);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown malformation.");
        }
    }
}
