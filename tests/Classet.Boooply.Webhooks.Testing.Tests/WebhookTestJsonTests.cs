using System.Globalization;
using System.Text;
using Classet.Boooply.Webhooks.Testing.Tests.TestSupport;

namespace Classet.Boooply.Webhooks.Testing.Tests;

/// <summary>Our JavaScript and Python re-serializations are byte for byte what node and python3 produce.</summary>
public sealed class WebhookTestJsonTests
{
    private static readonly string[] Corpus =
    [
        """{"event":"interview.scores","data":{"candidateName":"José Núñez","jobRole":"Ingénieur / Développeur","note":"emoji 🎉 and 中文"}}""",
        """{"a":"\u00e9\u4e2d\ud83c\udf89","b":"\ud83d","c":"\udc00x","d":"\u2028\u2029","e":"\u007f\u0000\u001f\b\f\n\r\t","f":"\/slash\"quote\\back"}""",
        """{"n":[0,-0,1,-1,1.0,-1.5,1e2,1E2,1e-2,0.1,1e-7,1.5e-7,0.000001,1e21,1e20,123456789012345678901234567890,9007199254740993,1.7976931348623157e308,5e-324,1e16,1e15,0.0001,0.00001,100.0,2.5e+10,-0.0,3.14159,1e400,-1e400]}""",
        """{"b":1,"a":2,"b":3,"10":"ten","2":"two","01":"zero-one","4294967295":"big","4294967294":"max","-1":"neg","":"empty"}""",
        """{"empty":{},"list":[],"nested":{"x":[{},[],[[]],{"y":null}]},"t":true,"f":false,"z":null}""",
        """[1,"two",{"three":3},[4]]""",
        "  {\n  \"spaced\" : [ 1 , 2 ] ,\t\"x\":\"y\" }  ",
        "\"just a string\"",
        "42",
    ];

    public static TheoryData<int> CorpusIndices => new(Enumerable.Range(0, Corpus.Length));

    [Fact]
    public void ToJavaScriptCompact_Corpus_IsWhatNodesJsonStringifyWrites()
    {
        var bodies = Corpus.Select(Encoding.UTF8.GetBytes).ToArray();

        var expected = ReferenceJson.JavaScript(bodies, indented: false);

        for (var index = 0; index < bodies.Length; index++)
        {
            Text(WebhookTestJson.ToJavaScriptCompact(bodies[index])).Should().Be(Text(expected[index]), Corpus[index]);
        }
    }

    [Fact]
    public void ToJavaScriptIndented_Corpus_IsWhatNodesJsonStringifyWithTwoSpacesWrites()
    {
        var bodies = Corpus.Select(Encoding.UTF8.GetBytes).ToArray();

        var expected = ReferenceJson.JavaScript(bodies, indented: true);

        for (var index = 0; index < bodies.Length; index++)
        {
            Text(WebhookTestJson.ToJavaScriptIndented(bodies[index])).Should().Be(Text(expected[index]), Corpus[index]);
        }
    }

    [Fact]
    public void ToPythonCompact_Corpus_IsWhatPythonsJsonDumpsWrites()
    {
        var bodies = Corpus.Select(Encoding.UTF8.GetBytes).ToArray();

        var expected = ReferenceJson.Python(bodies);

        for (var index = 0; index < bodies.Length; index++)
        {
            Text(WebhookTestJson.ToPythonCompact(bodies[index])).Should().Be(Text(expected[index]), Corpus[index]);
        }
    }

    [Fact]
    public void Numbers_ThousandsOfRandomDoubles_AreSpelledAsNodeAndPythonSpellThem()
    {
        var random = new Random(20260321);
        var numbers = new List<string>();
        for (var index = 0; index < 3000; index++)
        {
            // Random bit patterns cover every exponent; the rest are short decimals, as payloads carry.
            var value = index % 2 == 0
                ? BitConverter.Int64BitsToDouble(random.NextInt64())
                : Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-8, 22)), random.Next(0, 6));
            if (double.IsFinite(value))
            {
                numbers.Add(value.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", numbers) + "]");

        Text(WebhookTestJson.ToJavaScriptCompact(body)).Should().Be(Text(ReferenceJson.JavaScript([body], indented: false)[0]));
        Text(WebhookTestJson.ToPythonCompact(body)).Should().Be(Text(ReferenceJson.Python([body])[0]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{} {}")]
    [InlineData("NaN")]
    public void ToJavaScriptCompact_NotJson_ThrowsArgumentException(string text)
    {
        var act = () => WebhookTestJson.ToJavaScriptCompact(Encoding.UTF8.GetBytes(text));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToPythonCompact_InvalidUtf8_ThrowsArgumentException()
    {
        var act = () => WebhookTestJson.ToPythonCompact([(byte)'"', 0xC3, 0x28, (byte)'"']);

        act.Should().Throw<ArgumentException>().WithMessage("*UTF-8*");
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
