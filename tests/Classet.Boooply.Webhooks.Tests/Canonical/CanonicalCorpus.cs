using System.Text;

namespace Classet.Boooply.Webhooks.Tests.Canonical;

/// <summary>
/// Bodies both reference runtimes accept and our canonical path must reproduce byte for byte, and bodies our path
/// must refuse. Strings are C# literals: "\\u" is a JSON escape in the body, "\u" a real character.
/// </summary>
internal static class CanonicalCorpus
{
    public static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Canonical", "Corpus");

    private static readonly string[] EdgeNumbers =
    [
        "1.0", "2.50", "1E21", "1e21", "1e-7", "0.1", "5e-324", "1.7976931348623157e308", "-0", "-0.0", "100", "1e2",
        "123.456e-10", "0", "-1", "1e20", "1e-6", "1.5e-7", "0.000001234", "1e16", "1e15", "1E+2", "1e-05", "0.0001",
        "0.00001", "9007199254740992", "-9007199254740992", "9007199254740991", "1e22", "1.5e300",
        "-2.5E-3", "0.30000000000000004", "123456789012345680000", "4.35", "0e10", "-0e-5", "0.0", "10000000000000000000000",
        "2.2250738585072014e-308", "1234567.0", "3.14159", "1e-4", "1.0e16", "100000000000000000000",
    ];

    /// <summary>Every body both runtimes must agree with us on, by name.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> Accepted { get; } = BuildAccepted();

    /// <summary>Bodies the canonical path refuses, with why.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> Rejected { get; } =
    [
        ("number overflow 1e400", Utf8("{\"a\":1e400}")),
        ("number overflow -1e400", Utf8("[-1e400]")),
        ("number overflow 1.8e308", Utf8("[1.8e308]")),
        ("huge exponent", Utf8("[1e99999999999999999999]")),
        ("number underflow 1e-400", Utf8("[1e-400]")),
        ("number underflow 2e-324", Utf8("[2e-324]")),
        ("big integer changes", Utf8("{\"id\":123456789012345678901}")),
        ("2^53+1 changes", Utf8("[9007199254740993]")),
        ("2^60 prints differently", Utf8("[1152921504606846976]")),
        ("too many digits", Utf8("[0.10000000000000001]")),
        ("not the shortest digits 4.9e-324", Utf8("[4.9e-324]")),
        ("17-digit integer that rounds", Utf8("[12345678901234567]")),
        ("too many digits integer", Utf8("[12345678901234567890]")),
        ("duplicate keys", Utf8("{\"a\":1,\"a\":2}")),
        ("duplicate keys same value", Utf8("{\"a\":1,\"b\":2,\"a\":1}")),
        ("duplicate keys escaped", Utf8("{\"a\":1,\"\\u0061\":1}")),
        ("duplicate keys nested", Utf8("{\"x\":[{\"k\":1,\"k\":1}]}")),
        ("too deep", Utf8(new string('[', 65) + new string(']', 65))),
        ("invalid UTF-8", [(byte)'"', 0xC3, 0x28, (byte)'"']),
        ("overlong UTF-8", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
        ("UTF-8 encoded surrogate", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
        ("byte order mark", [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']),
        ("NaN", Utf8("[NaN]")),
        ("Infinity", Utf8("[Infinity]")),
        ("-Infinity", Utf8("[-Infinity]")),
        ("trailing comma", Utf8("[1,]")),
        ("comment", Utf8("{/*c*/}")),
        ("empty", []),
        ("whitespace only", Utf8("  ")),
        ("two values", Utf8("{} {}")),
        ("single quotes", Utf8("{'a':1}")),
        ("leading zero", Utf8("[01]")),
        ("raw control character", Utf8("[\"a\u0001b\"]")),
        ("bad escape", Utf8("[\"\\x41\"]")),
        ("short unicode escape", Utf8("[\"\\u12\"]")),
        ("unterminated", Utf8("{\"a\":")),
        ("vertical tab whitespace", Utf8("[1,\v2]")),
        ("non-breaking space whitespace", Utf8("[1,\u00a02]")),
    ];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] ReadCorpusFile(string name) => File.ReadAllBytes(Path.Combine(CorpusDirectory, name));

    private static List<(string, byte[])> BuildAccepted()
    {
        var cases = new List<(string, byte[])>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            cases.Add(("vendor " + Path.GetFileName(file), File.ReadAllBytes(file)));
        }

        foreach (var number in EdgeNumbers)
        {
            cases.Add(("number " + number, Utf8($"{{\"n\":{number},\"a\":[{number}]}}")));
        }

        cases.Add(("all numbers in one array", Utf8("[" + string.Join(", ", EdgeNumbers) + "]")));
        cases.Add(("top-level number", Utf8(" 1.0 ")));
        cases.Add(("top-level string", Utf8("\"x\"")));
        cases.Add(("top-level null", Utf8("null")));
        cases.Add(("top-level true with whitespace", Utf8("\r\n\t true \n")));
        cases.Add(("empty containers", Utf8("{ \"o\" : { } , \"a\" : [ ] }")));

        cases.Add(("integer-like keys", Utf8("{\"b\":1,\"a\":2,\"1\":3,\"01\":4,\"4294967295\":5,\"4294967294\":6,\"-1\":7,\"0\":8,\"10\":9,\"2\":10}")));
        cases.Add(("integer-like keys nested", Utf8("{\"z\":{\"10\":1,\"9\":2,\"x\":3,\"1.5\":4,\" 1\":5,\"1e2\":6,\"+1\":7},\"3\":[{\"2\":0,\"1\":0}]}")));
        cases.Add(("keys in reverse alphabetical order", Utf8("{\"z\":1,\"y\":2,\"a\":3,\"event\":\"x\"}")));
        cases.Add(("escaped integer key", Utf8("{\"b\":0,\"\\u0031\":1}")));
        cases.Add(("max array index and beyond", Utf8("{\"4294967296\":1,\"4294967294\":2,\"4294967293\":3,\"99999999999\":4}")));
        cases.Add(("__proto__ key", Utf8("{\"__proto__\":{\"x\":1},\"a\":2}")));

        var controls = string.Concat(Enumerable.Range(0, 0x20).Select(c => $"\\u{c:X4}"));
        cases.Add(("every control character escaped", Utf8($"[\"{controls}\"]")));
        cases.Add(("short escapes", Utf8("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]")));
        cases.Add(("slash raw and escaped", Utf8("[\"a/b\\/c\"]")));
        cases.Add(("line and paragraph separators raw", Utf8("[\"\u2028\u2029\"]")));
        cases.Add(("line and paragraph separators escaped", Utf8("[\"\\u2028\\u2029\"]")));
        cases.Add(("DEL raw and escaped", Utf8("[\"\u007f\\u007f\\u007F\"]")));
        cases.Add(("emoji raw", Utf8("[\"\U0001F600 \U0001F469\u200D\U0001F4BB\"]")));
        cases.Add(("emoji escaped pair", Utf8("[\"\\ud83d\\ude00\\uD83D\\uDE00\"]")));
        cases.Add(("CJK and accents", Utf8("{\"name\":\"José Müller 李小龍 Çağrı Ñandú\",\"ключ\":\"значение\"}")));
        cases.Add(("non-ASCII escaped", Utf8("[\"\\u00e9\\u4E2D\\u00FF\\u0080\\u07ff\\u0800\\uffff\\ufeff\"]")));
        cases.Add(("lone high surrogate", Utf8("[\"\\ud800\"]")));
        cases.Add(("lone low surrogate then text", Utf8("[\"\\udc00x\"]")));
        cases.Add(("reversed surrogate pair", Utf8("[\"\\udc00\\ud800\"]")));
        cases.Add(("high surrogate then raw astral", Utf8("[\"\\ud800\U0001F600\"]")));
        cases.Add(("high surrogate at end then BMP", Utf8("[\"a\\uDBFF\u00e9\"]")));
        cases.Add(("max astral escaped", Utf8("[\"\\uDBFF\\uDFFF\"]")));
        cases.Add(("surrogate in key", Utf8("{\"\\ud800\":1,\"\\ud83d\\ude00\":2}")));
        cases.Add(("escaped quote and backslash in key", Utf8("{\"a\\\"b\\\\c\":true}")));
        cases.Add(("null byte escaped", Utf8("[\"a\\u0000b\"]")));

        cases.Add(("deep-ish nesting arrays", Utf8(new string('[', 60) + "1" + new string(']', 60))));
        cases.Add(("nesting to the limit", Utf8(new string('[', 64) + new string(']', 64))));
        cases.Add(("deep-ish nesting objects", Utf8(string.Concat(Enumerable.Repeat("{\"k\": ", 40)) + "\"v\"" + new string('}', 40))));
        cases.Add(("pretty-printed mixed", Utf8("{\n  \"event\" : \"interview.scores\",\n\t\"data\": {\"2\": [1.0, 2e0, -0.0], \"1\": null,\r\n \"s\": \"\\u00e9\u00e9\" }\n}\n")));
        return cases;
    }
}
