using System.Text;
using System.Text.Json;

namespace Classet.Boooply.Webhooks.Tests;

public sealed class WebhookPayloadExceptionTests
{
    private static JsonException ReadToEnd(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 4 });
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The JSON was valid.");
    }

    [Fact]
    public void FromJsonException_TruncatedJson_IsReportedAsInvalidNotTooDeep()
    {
        var error = WebhookPayloadException.FromJsonException(ReadToEnd("""{"event":"x","data":{"a":1"""));

        error.Message.Should().Contain("not valid JSON").And.NotContain("deeper");
    }

    [Fact]
    public void FromJsonException_TooDeep_IsReportedAsTooDeep()
    {
        var error = WebhookPayloadException.FromJsonException(ReadToEnd("[[[[[[1]]]]]]"));

        error.Message.Should().Contain("nested deeper");
        error.LineNumber.Should().Be(0);
    }

    [Fact]
    public void Constructor_WithLocation_KeepsPathLineAndPosition()
    {
        var error = new WebhookPayloadException("bad", "$.data.scores", 2, 17);

        error.Path.Should().Be("$.data.scores");
        error.LineNumber.Should().Be(2);
        error.BytePositionInLine.Should().Be(17);
    }
}
